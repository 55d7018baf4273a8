// Onboarding exposes nothing to other features: App.tsx mounts FirstRun and CreateEventDialog lazily.
export {};
