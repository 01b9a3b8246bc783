/**
 * A web ReadableStream that reads its source only when its reader asks (highWaterMark 0), so a slow client
 * downloading a large file holds one chunk in memory, not the file: Node 20's `Readable.toWeb` and the SDK's
 * `transformToWebStream` queue ahead regardless of the reader. Cancelling closes the source (the file, the socket).
 */
export function pullStream(source: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}
