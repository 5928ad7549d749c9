import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

/**
 * Runs `work` as one write: inside the request's transaction when it already has one (its owner
 * commits), otherwise in a new transaction committed when `work` succeeds. A failure rolls back
 * everything `work` wrote through `req`. Without transactions in the database (MongoDB without a
 * replica set) the writes land one by one.
 */
export async function inTransaction<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  const ownsTransaction = await initTransaction(req)
  try {
    const result = await work()
    if (ownsTransaction) await commitTransaction(req)
    return result
  } catch (error) {
    if (ownsTransaction) await killTransaction(req)
    throw error
  }
}

/**
 * Whether a transaction on this database really rolls back: Payload's MongoDB adapter without a
 * replica set (FerretDB 1.x included) still starts a session and hands out a transaction id, but
 * its writes land at once and an abort undoes nothing (it sets `transactionOptions` to `false`).
 */
export function rollsBack(req: PayloadRequest): boolean {
  return Boolean(req.transactionID) && (req.payload.db as { transactionOptions?: unknown }).transactionOptions !== false
}
