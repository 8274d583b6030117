// A response body that arrives in two parts, the second when the test says: an answer still downloading.

export interface HeldBody {
  body: ReadableStream<Uint8Array>;
  /** Sends the rest of the text and ends the body. */
  finish: () => void;
  /** Ends the body with a network error instead, as when the connection drops. */
  breakOff: () => void;
}

/** `text` up to `cut` (a string index) is in the body at once; the rest waits for `finish`. */
export function heldBody(text: string, cut: number): HeldBody {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      controller.enqueue(encoder.encode(text.slice(0, cut)));
    },
  });
  return {
    body,
    finish: () => {
      controller.enqueue(encoder.encode(text.slice(cut)));
      controller.close();
    },
    breakOff: () => controller.error(new TypeError('network error')),
  };
}
