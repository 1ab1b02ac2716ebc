import { z } from 'zod';

/** Statistics of one office over a range of days (inclusive, office calendar days in UTC). */
export const statisticsQuerySchema = z.strictObject({
  from: z.iso.date(),
  to: z.iso.date(),
});
export type StatisticsQuery = z.infer<typeof statisticsQuerySchema>;

export const MAX_STATISTICS_DAYS = 366;

export const statisticsSchema = z.strictObject({
  from: z.iso.date(),
  to: z.iso.date(),
  /** Requests received, every day of the range (zeros included, for the chart). */
  perDay: z.array(z.strictObject({ day: z.iso.date(), received: z.int().nonnegative() })),
  perService: z.array(
    z.strictObject({
      serviceId: z.string().min(1),
      received: z.int().nonnegative(),
      ready: z.int().nonnegative(),
      collected: z.int().nonnegative(),
      refused: z.int().nonnegative(),
    }),
  ),
  received: z.int().nonnegative(),
  /** Median time from reception to `ready`, of the requests of the range that became ready; null if none. */
  medianReceivedToReadyHours: z.number().nonnegative().nullable(),
  /** Refused / (requests of the range that reached a final status or ready); null if none. */
  refusedShare: z.number().min(0).max(1).nullable(),
});
export type Statistics = z.infer<typeof statisticsSchema>;

/** The CSV export: one line per day and service, `day,serviceId,received,ready,collected,refused`. */
export const STATISTICS_CSV_COLUMNS = ['day', 'serviceId', 'received', 'ready', 'collected', 'refused'] as const;
