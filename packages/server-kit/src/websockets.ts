import type { WebSocketServer } from "ws";

/**
 * Tells every client "going away" (1001, so it reconnects elsewhere) and gives them `graceMs` to
 * answer; a peer that does not is cut off. Without this, one silent peer holds a shutdown for ws's
 * 30 s close-handshake timeout (graphql-ws's own dispose waits for it).
 */
export async function closeWebSockets(wss: WebSocketServer, graceMs = 1_000): Promise<void> {
  const open = [...wss.clients];
  await Promise.all(
    open.map(
      (socket) =>
        new Promise<void>((resolve) => {
          const cutOff = setTimeout(() => {
            socket.terminate();
            resolve();
          }, graceMs);
          socket.once("close", () => {
            clearTimeout(cutOff);
            resolve();
          });
          socket.close(1001, "Going away");
        }),
    ),
  );
}
