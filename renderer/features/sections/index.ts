// Sections expose nothing to other features: App.tsx mounts SectionsPage lazily.
export {};
