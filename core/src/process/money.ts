/**
 * Money in integer fen (分). Settings hold whole yuan; facts hold fen; nothing
 * is ever a float. Products that could pass 2^53 are computed in BigInt.
 */

export function yuanToFen(yuan: number): number {
  return yuan * 100;
}

export function isFen(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** "1,234.50元" for messages. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = abs % 100;
  return `${sign}${yuan}${cents === 0 ? '' : `.${String(cents).padStart(2, '0')}`}元`;
}

/**
 * A percentage (e.g. 3 for 3 %, 0.05 for 0.05 %) as basis points of a percent
 * unit: hundredths of a percent. Settings allow at most two decimals' precision.
 */
export function percentToBasisPoints(percent: number): number {
  return Math.round(percent * 100);
}

/**
 * The late fee of 行政处罚法 art. 72(一) on one amount: `percentPerDay` of the
 * amount for each day late, rounded down to the fen (in the party's favour),
 * never more than the amount itself.
 */
export function lateFeeFen(amountFen: number, percentPerDay: number, daysLate: number): number {
  if (daysLate <= 0 || amountFen <= 0) return 0;
  const basisPoints = BigInt(percentToBasisPoints(percentPerDay));
  const fee = (BigInt(amountFen) * basisPoints * BigInt(daysLate)) / 10_000n;
  return fee >= BigInt(amountFen) ? amountFen : Number(fee);
}
