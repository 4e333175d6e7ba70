// " (did you mean 'continueOnError'?)" for a misspelt name: the known name that differs only in
// case, else the nearest by edit distance when close (at most a third of the name). The engine's
// validator (Documents/Suggestion.cs) does the same, so both say the same.

/** The known name `name` most likely meant, or undefined. */
export function nearestName(name: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = name.toLowerCase();
  for (const candidate of known) {
    if (candidate.toLowerCase() === lower) return candidate;
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(name.length / 3)) ? best : undefined;
}

/** The suffix for a message, or '' when no known name is close. */
export function suggestionFor(name: string, known: Iterable<string>): string {
  const best = nearestName(name, known);
  return best === undefined ? '' : ` (did you mean '${best}'?)`;
}

/** Levenshtein distance over UTF-16 units. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), previous[j]! + 1, current[j - 1]! + 1);
    }
    previous = current;
  }
  return previous[b.length]!;
}
