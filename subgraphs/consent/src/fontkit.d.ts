// fontkit ships no types; pdfkit takes one of its fonts as it is. Only what the letters use.
declare module "fontkit" {
  export interface Font {
    layout(text: string, features?: unknown): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
