/**
 * Codenames for synthetic facilitators and centres, built only from the word lists below.
 *
 * The lists were written for this project from ordinary English words: colours, minerals and
 * moods; animals; trees, flowers and weather; building types. Words that are common given names
 * (Amber, Ruby, Jade, Rose, Ivy, Hazel …) are kept out of the facilitator lists so that a codename
 * never reads as a person's name, and no combination copies a known compound or gang name.
 * When every combination has been used, the deck starts again with a round number ("Cobalt Gecko 2").
 */
import { itemAt, type Random } from './random.ts';

export const FACILITATOR_ADJECTIVES = [
  'Ashen',
  'Basalt',
  'Brisk',
  'Bronze',
  'Carmine',
  'Cerulean',
  'Cinder',
  'Cobalt',
  'Copper',
  'Crimson',
  'Crooked',
  'Cyan',
  'Dusky',
  'Frosted',
  'Gilded',
  'Granite',
  'Hidden',
  'Hollow',
  'Khaki',
  'Lunar',
  'Marble',
  'Mauve',
  'Nimble',
  'Obsidian',
  'Ochre',
  'Pale',
  'Pewter',
  'Quartz',
  'Restless',
  'Russet',
  'Sepia',
  'Silent',
  'Slate',
  'Sombre',
  'Tawny',
  'Teal',
  'Umber',
  'Vermilion',
  'Wary',
  'Woven',
] as const;

export const FACILITATOR_ANIMALS = [
  'Barracuda',
  'Bittern',
  'Caracal',
  'Civet',
  'Cobra',
  'Cormorant',
  'Cuckoo',
  'Dugong',
  'Egret',
  'Gannet',
  'Gecko',
  'Gibbon',
  'Heron',
  'Hornbill',
  'Hornet',
  'Ibis',
  'Iguana',
  'Jackal',
  'Kestrel',
  'Loris',
  'Lynx',
  'Macaque',
  'Magpie',
  'Mantis',
  'Marmot',
  'Mongoose',
  'Moray',
  'Myna',
  'Newt',
  'Ocelot',
  'Octopus',
  'Okapi',
  'Osprey',
  'Plover',
  'Shrike',
  'Stingray',
  'Tapir',
  'Tarsier',
  'Viper',
  'Weasel',
] as const;

export const CENTRE_ADJECTIVES = [
  'Jade',
  'Amber',
  'Coral',
  'Ivory',
  'Azure',
  'Onyx',
  'Opal',
  'Cobalt',
  'Saffron',
  'Indigo',
  'Silver',
  'Crimson',
] as const;
export const CENTRE_NOUNS = [
  'Lotus',
  'Orchid',
  'Heron',
  'Lantern',
  'Bamboo',
  'Tamarind',
  'Monsoon',
  'Lagoon',
  'Mangrove',
  'Cedar',
  'Banyan',
  'Frangipani',
] as const;
export const CENTRE_SUFFIXES = ['Park', 'Plaza', 'Estate', 'Tower', 'Complex', 'Zone'] as const;
/** Block letters for "Compound K-17"; I and O are left out as easily misread. */
export const COMPOUND_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ'.split('');

const alternation = (words: readonly string[]) => `(?:${words.join('|')})`;
const round = '(?: [2-9]| [1-9]\\d+)?';

/** Every facilitator codename matches this. */
export const FACILITATOR_CODENAME_PATTERN = new RegExp(
  `^${alternation(FACILITATOR_ADJECTIVES)} ${alternation(FACILITATOR_ANIMALS)}${round}$`,
);
/** Every centre codename matches this. */
export const CENTRE_CODENAME_PATTERN = new RegExp(
  `^(?:Compound ${alternation(COMPOUND_LETTERS)}-[1-9]\\d?|` +
    `${alternation(CENTRE_ADJECTIVES)} ${alternation(CENTRE_NOUNS)} ${alternation(CENTRE_SUFFIXES)})${round}$`,
);

/** Draws combinations without repeats, in random order. */
class Deck {
  private order: string[] = [];
  private next = 0;
  private round = 0;

  constructor(
    private readonly rng: Random,
    private readonly combinations: readonly string[],
  ) {}

  draw(): string {
    if (this.next >= this.order.length) {
      this.order = this.rng.shuffle(this.combinations);
      this.next = 0;
      this.round++;
    }
    const name = itemAt(this.order, this.next++);
    return this.round > 1 ? `${name} ${this.round}` : name;
  }
}

const product = (...lists: ReadonlyArray<readonly string[]>): string[] =>
  lists.reduce<string[]>((acc, list) => acc.flatMap((a) => list.map((w) => (a ? `${a} ${w}` : w))), ['']);

export class Codenames {
  private readonly facilitators: Deck;
  private readonly parks: Deck;
  private readonly compounds: Deck;

  constructor(private readonly rng: Random) {
    this.facilitators = new Deck(rng, product(FACILITATOR_ADJECTIVES, FACILITATOR_ANIMALS));
    this.parks = new Deck(rng, product(CENTRE_ADJECTIVES, CENTRE_NOUNS, CENTRE_SUFFIXES));
    const numbers = Array.from({ length: 99 }, (_, i) => String(i + 1));
    this.compounds = new Deck(
      rng,
      COMPOUND_LETTERS.flatMap((l) => numbers.map((n) => `Compound ${l}-${n}`)),
    );
  }

  facilitator(): string {
    return this.facilitators.draw();
  }

  centre(): string {
    return this.rng.chance(0.5) ? this.parks.draw() : this.compounds.draw();
  }
}
