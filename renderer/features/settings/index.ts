// Settings expose nothing to other features: App.tsx mounts SettingsPage lazily; the organizer gate is in components/.
export {};
