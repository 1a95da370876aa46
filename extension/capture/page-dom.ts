/**
 * The few DOM members the page readers use. A browser page satisfies them, and
 * so does a saved page parsed in Node for tests; the readers therefore
 * type-check without the DOM library and run on either.
 */
export interface PageNode {
  readonly nodeType: number;
  readonly nodeValue: string | null;
  readonly textContent: string | null;
  readonly lastChild: PageNode | null;
  readonly previousSibling: PageNode | null;
  readonly nextSibling: PageNode | null;
}

export interface PageElement extends PageNode {
  readonly tagName: string;
  readonly parentElement: PageElement | null;
  readonly nextElementSibling: PageElement | null;
  getAttribute(name: string): string | null;
  matches(selectors: string): boolean;
  closest(selectors: string): PageElement | null;
  querySelector(selectors: string): PageElement | null;
  querySelectorAll(selectors: string): ArrayLike<PageElement>;
}

export interface PageDocument {
  readonly title: string;
  readonly body: PageElement | null;
  querySelector(selectors: string): PageElement | null;
  querySelectorAll(selectors: string): ArrayLike<PageElement>;
}
