// Whether React has hydrated the page: false in the server render and the first browser render
// (so they match), true afterwards. Browser-only enhancements (maps, sliders) render after it.
import { useEffect, useState } from "react";

export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
