// A bounded list of problems: the first MAX_PROBLEMS_SHOWN in full, the rest only counted,
// so a file with millions of mistakes costs no more memory than one with twenty.
import { MAX_PROBLEMS_SHOWN } from './limits';
import type { Text } from '../messages/text';
import { saying } from '../messages/said';

export interface Problem {
  path: string;
  message: string;
  text?: Text;
}

export class ProblemList {
  readonly shown: Problem[] = [];
  more = 0;

  add(path: string, message: string, text?: Text): void {
    if (this.shown.length < MAX_PROBLEMS_SHOWN) this.shown.push(text ? { path, message, text } : { path, message });
    else this.more++;
  }

  /** A problem as a catalog Text; its English sentence is made only for problems that are shown. */
  say(path: string, text: Text): void {
    if (this.shown.length < MAX_PROBLEMS_SHOWN) this.shown.push({ path, ...saying(text) });
    else this.more++;
  }

  /** Count problems that were found but not described (e.g. the rest of a bad array). */
  addUncounted(n: number): void {
    this.more += n;
  }

  get size(): number {
    return this.shown.length + this.more;
  }
}
