// jsdom has no layout and no ResizeObserver; components that bind to sizes need the API to
// exist (sizes stay 0, which components must handle).
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
