// A bounded list of problems: the first MAX_PROBLEMS_SHOWN in full, the rest only counted,
// so a file with millions of mistakes costs no more memory than one with twenty.
import { MAX_PROBLEMS_SHOWN } from './limits';
import type { Text } from '../messages/text';

export interface Problem {
  path: string;
  message: string;
  text?: Text;
}

export class ProblemList {
  readonly shown: Problem[] = [];
  more = 0;

  add(path: string, message: string): void {
    if (this.shown.length < MAX_PROBLEMS_SHOWN) this.shown.push({ path, message });
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
