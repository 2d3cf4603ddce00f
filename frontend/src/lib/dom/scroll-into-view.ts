/** Brings an element into view, smoothly unless the operator asked the system for less motion. */
export function scrollIntoView(element: Element | null): void {
  if (!element) return;
  const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  element.scrollIntoView({ block: 'nearest', behavior: reduceMotion ? 'auto' : 'smooth' });
}
