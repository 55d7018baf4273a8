// The desk exposes nothing to other features: App.tsx mounts DeskPage directly (the desk is in the first chunk).
export {};
