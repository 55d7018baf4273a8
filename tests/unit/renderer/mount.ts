/**
 * React rendered into the test's happy-dom document: `mountEach()` gives a `render` that mounts into a fresh
 * element and returns it, and unmounts and removes it after each test of the file that calls it.
 */
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach } from 'vitest';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export function mountEach(): { render: (node: ReactNode) => HTMLElement } {
  let root: Root | undefined;
  let host: HTMLElement | undefined;
  afterEach(() => {
    act(() => root?.unmount());
    host?.remove();
    root = undefined;
    host = undefined;
  });
  return {
    render(node) {
      host = document.createElement('div');
      document.body.append(host);
      const r = (root = createRoot(host));
      act(() => r.render(node));
      return host;
    },
  };
}
