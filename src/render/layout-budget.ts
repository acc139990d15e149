// A team's layout renders within a budget of output and time. Three nested `{{#each @root.stages}}`
// over a 400-stage map would write for minutes, and Handlebars runs synchronously, so no timer can
// stop it: the budget is counted inside the render instead, at every place a layout makes work.
// - every helper call (`each`, `if`, `with`, `unless`, `lookup`, journey's own) checks the clock, and
//   each run of a block it makes counts what it writes, and at least RUN_COST, so that a loop that
//   writes nothing spends the budget too;
// - every partial's output is counted (journey's, and a layout's own `{{#*inline}}`);
// - every read of the view model counts the length of the text it reads, so `{{title}}` written
//   100,000 times over is counted too.
// Output is counted as the whole it becomes: a block's output includes what the blocks inside it
// wrote, so it adds only what they did not. The count is of work, then, a little above the output:
// a copy of the built-in layout counts 4.9 MB for the 3.3 MB it writes of a 2,000-stage map, and 50 MB
// is five times what it counts for the largest maps; the time limit is only a backstop, measured on the clock,
// which a busy machine stretches.
import type FullHandlebars from 'handlebars';

export const LAYOUT_LIMITS = { megabytes: 50, seconds: 20 };
const MAX_CHARS = LAYOUT_LIMITS.megabytes * 1_000_000;

interface Loc {
  line: number;
  column: number;
}

/** The budget was spent; `loc` is the outermost block of the layout's own that was running. */
export class BudgetSpent extends Error {
  constructor(
    message: string,
    readonly loc: Loc | undefined,
  ) {
    super(message);
  }
}

interface Budget {
  deadline: number;
  chars: number;
  /** Where the layout's own blocks start (`line:column`), to tell them from those of partials. */
  blocks: Set<string>;
  /** The layout's own blocks running now, outermost first. */
  running: Loc[];
}

// Renders are synchronous, so one render at a time has a budget.
let budget: Budget | undefined;

function spend(chars: number): void {
  if (!budget) return;
  budget.chars += chars;
  if (budget.chars > MAX_CHARS) throw spent(`the layout wrote more than ${LAYOUT_LIMITS.megabytes} MB, the most one may write`);
  if (performance.now() > budget.deadline) throw spent(`the layout took more than ${LAYOUT_LIMITS.seconds} s, the longest one may render`);
}

const spent = (what: string) =>
  new BudgetSpent(`${what} (does a block loop over a list inside a loop over a list?)`, budget?.running[0]);

/** Counts `output` as what a piece of work wrote, of which `before` was already counted inside it. */
function wrote(before: number, output: unknown): void {
  if (!budget || typeof output !== 'string') return;
  spend(Math.max(0, before + output.length - budget.chars));
}

/** Runs `render` on `context` within a fresh budget; `blocks` are the layout's own block positions. */
export function withinBudget(render: (context: unknown) => string, context: unknown, blocks: Set<string>): string {
  budget = { deadline: performance.now() + LAYOUT_LIMITS.seconds * 1000, chars: 0, blocks, running: [] };
  try {
    const output = render(watched(context));
    wrote(0, output);
    return output;
  } finally {
    budget = undefined;
  }
}

/** Makes every helper and partial of a Handlebars environment count its work against the budget. */
export function countWork(hb: typeof FullHandlebars): void {
  for (const [name, helper] of Object.entries(hb.helpers)) hb.registerHelper(name, counted(helper as Helper));
  // `VM` is Handlebars' own place to wrap how partials run; this environment gets its own copy.
  const vm = hb.VM as unknown as { invokePartial: (...args: unknown[]) => unknown };
  hb.VM = {
    ...hb.VM,
    invokePartial(this: unknown, ...args: unknown[]) {
      const before = budget?.chars ?? 0;
      const output = vm.invokePartial.apply(this, args);
      wrote(before, output);
      return output;
    },
  } as typeof hb.VM;
}

type Options = Handlebars.HelperOptions & { loc?: { start: Loc } };

type Helper = (this: unknown, ...args: unknown[]) => unknown;

function counted(helper: Helper): Helper {
  return function (this: unknown, ...args: unknown[]) {
    if (!budget) return helper.apply(this, args);
    spend(1);
    const options = args[args.length - 1] as Options;
    const loc = options?.loc?.start;
    const own = loc && budget.blocks.has(`${loc.line}:${loc.column}`) && typeof options.fn === 'function';
    if (own) budget.running.push(loc);
    try {
      if (typeof options?.fn === 'function') options.fn = block(options.fn);
      if (typeof options?.inverse === 'function') options.inverse = block(options.inverse);
      return helper.apply(this, args);
    } finally {
      if (own) budget.running.pop();
    }
  };
}

/** What a run of a block costs at the least, so that a loop that writes nothing still spends the budget. */
const RUN_COST = 16;

/** A block's program, counting what each run of it writes. */
function block(fn: Handlebars.TemplateDelegate): Handlebars.TemplateDelegate {
  // The program's own properties (its partials, its block parameters) stay on the wrapper.
  return Object.assign(function (this: unknown, ...args: Parameters<Handlebars.TemplateDelegate>) {
    const before = budget?.chars ?? 0;
    spend(RUN_COST);
    const output = fn.apply(this, args);
    wrote(before, output);
    return output;
  }, fn);
}

// One proxy per object of the view model, so that an object keeps its identity through the render.
const proxies = new WeakMap<object, object>();

/** The view model, counting the length of every text read from it (1 for anything else). */
function watched<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  let proxy = proxies.get(value);
  if (!proxy) {
    proxy = new Proxy(value, {
      get(target, key, receiver) {
        const result: unknown = Reflect.get(target, key, receiver);
        spend(typeof result === 'string' ? result.length : 1);
        return watched(result);
      },
    });
    proxies.set(value, proxy);
  }
  return proxy as T;
}
