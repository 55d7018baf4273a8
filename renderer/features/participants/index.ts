// Participants expose nothing to other features: App.tsx mounts ParticipantsPage lazily.
export {};
