// A value that follows its source at most once per `ms` while `throttle` is on (the latest
// value always lands, at the end of the interval), and at once when it is off.
import { useEffect, useRef, useState } from 'react';

export function useThrottled<T>(value: T, ms: number, throttle: boolean): T {
  const [shown, setShown] = useState(value);
  const lastAt = useRef(0);
  useEffect(() => {
    if (!throttle) {
      lastAt.current = 0;
      setShown(value);
      return;
    }
    const wait = Math.max(0, lastAt.current + ms - performance.now());
    const timer = setTimeout(() => {
      lastAt.current = performance.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, ms, throttle]);
  return throttle ? shown : value;
}
