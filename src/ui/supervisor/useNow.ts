import { useEffect, useState } from 'react';

/** The current time from the given clock, refreshed every `everyMs` (for countdowns and ages). */
export function useNow(now: () => number, everyMs = 1_000): number {
  const [time, setTime] = useState(now);
  useEffect(() => {
    const timer = setInterval(() => setTime(now()), everyMs);
    return () => clearInterval(timer);
  }, [now, everyMs]);
  return time;
}
