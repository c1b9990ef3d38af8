/**
 * The made-up world the demo data set lives in: the municipalities of Midden-Limburg (real CBS
 * gemeentecodes), the CJG teams and coordinators, the providers, and the word lists that cases
 * are made of. Every person and organisation here is invented; e-mail addresses are on the
 * reserved `.example` domain only.
 */
import type { ProductCategory, Unit, Frequency } from '@cjg/domain';

export interface Municipality {
  code: string;
  name: string;
  /** Relative size (inhabitants × 1000, roughly), so bigger places get more cases. */
  weight: number;
}

/** Midden-Limburg: the Oost part (Roermond…) and the West part (Weert…), CBS gemeentecodes. */
export const MUNICIPALITIES: readonly Municipality[] = [
  { code: '0957', name: 'Roermond', weight: 59 },
  { code: '0988', name: 'Weert', weight: 51 },
  { code: '1640', name: 'Leudal', weight: 36 },
  { code: '1711', name: 'Echt-Susteren', weight: 32 },
  { code: '1641', name: 'Maasgouw', weight: 24 },
  { code: '1669', name: 'Roerdalen', weight: 21 },
  { code: '0946', name: 'Nederweert', weight: 17 },
];

export interface Team {
  id: string;
  name: string;
  /** The municipality the team belongs to (PUT /teams takes one). */
  municipalityCode: string;
  /** Every municipality its people work for: the scope of the team lead's token. */
  municipalities: string[];
  lead: { id: string; name: string };
}

export const TEAMS: readonly Team[] = [
  {
    id: 'team-roermond',
    name: 'CJG-team Roermond en Roerdalen',
    municipalityCode: '0957',
    municipalities: ['0957', '1669'],
    lead: { id: 'lead-marloes-kessels', name: 'Marloes Kessels' },
  },
  {
    id: 'team-echt-maasgouw',
    name: 'CJG-team Echt-Susteren en Maasgouw',
    municipalityCode: '1711',
    municipalities: ['1711', '1641'],
    lead: { id: 'lead-paul-lemmens', name: 'Paul Lemmens' },
  },
  {
    id: 'team-leudal',
    name: 'CJG-team Leudal',
    municipalityCode: '1640',
    municipalities: ['1640'],
    lead: { id: 'lead-ingrid-heijnen', name: 'Ingrid Heijnen' },
  },
  {
    id: 'team-weert',
    name: 'CJG-team Weert en Nederweert',
    municipalityCode: '0988',
    municipalities: ['0988', '0946'],
    lead: { id: 'lead-rob-jacobs', name: 'Rob Jacobs' },
  },
];

export interface Coordinator {
  id: string;
  name: string;
  teamId: string;
  /** The municipalities on the coordinator's token. */
  municipalities: string[];
}

export const COORDINATORS: readonly Coordinator[] = [
  {
    id: 'coord-anouk-smeets',
    name: 'Anouk Smeets',
    teamId: 'team-roermond',
    municipalities: ['0957'],
  },
  {
    id: 'coord-bram-hermans',
    name: 'Bram Hermans',
    teamId: 'team-roermond',
    municipalities: ['0957'],
  },
  {
    id: 'coord-lotte-wijnen',
    name: 'Lotte Wijnen',
    teamId: 'team-roermond',
    municipalities: ['0957', '1669'],
  },
  {
    id: 'coord-daan-houben',
    name: 'Daan Houben',
    teamId: 'team-roermond',
    municipalities: ['0957'],
  },
  {
    id: 'coord-iris-coenen',
    name: 'Iris Coenen',
    teamId: 'team-roermond',
    municipalities: ['1669'],
  },
  {
    id: 'coord-ruben-peeters',
    name: 'Ruben Peeters',
    teamId: 'team-echt-maasgouw',
    municipalities: ['1711'],
  },
  {
    id: 'coord-femke-schreurs',
    name: 'Femke Schreurs',
    teamId: 'team-echt-maasgouw',
    municipalities: ['1711', '1641'],
  },
  {
    id: 'coord-joost-vossen',
    name: 'Joost Vossen',
    teamId: 'team-echt-maasgouw',
    municipalities: ['1641'],
  },
  {
    id: 'coord-sanne-beckers',
    name: 'Sanne Beckers',
    teamId: 'team-leudal',
    municipalities: ['1640'],
  },
  {
    id: 'coord-tim-geraedts',
    name: 'Tim Geraedts',
    teamId: 'team-leudal',
    municipalities: ['1640'],
  },
  {
    id: 'coord-noor-willems',
    name: 'Noor Willems',
    teamId: 'team-weert',
    municipalities: ['0988'],
  },
  {
    id: 'coord-mark-claessens',
    name: 'Mark Claessens',
    teamId: 'team-weert',
    municipalities: ['0988', '0946'],
  },
  { id: 'coord-eva-maessen', name: 'Eva Maessen', teamId: 'team-weert', municipalities: ['0946'] },
];

export interface Provider {
  agbCode: string;
  name: string;
  /** The JZ020 categories it delivers. */
  categories: ProductCategory[];
}

/** Invented professionals who sign off plan deel 1 (002 §3.4), with invented registrations. */
export const PROFESSIONALS = [
  {
    id: 'gw-sanne',
    name: 'Sanne Hermans',
    kind: 'gedragswetenschapper',
    register: 'BIG',
    registrationNumber: '49012345601',
  },
  {
    id: 'bpp-joost',
    name: 'Joost Mertens',
    kind: 'bpp',
    register: 'SKJ',
    registrationNumber: '100045678',
  },
] as const;

/** Invented providers with invented 8-digit AGB codes. */
export const PROVIDERS: readonly Provider[] = [
  { agbCode: '98990011', name: 'Jeugdhulp De Maasoever', categories: ['45', '50'] },
  { agbCode: '98990022', name: 'Gezinsbegeleiding Roerdal', categories: ['45'] },
  { agbCode: '98990033', name: 'Kompas Jeugd-GGZ', categories: ['54'] },
  { agbCode: '98990044', name: 'Dagbehandeling De Wilgenhof', categories: ['41', '45'] },
  { agbCode: '98990055', name: 'Woonzorg Het Baken', categories: ['43', '44'] },
  { agbCode: '98990066', name: 'Gezinshuizen Thornerhof', categories: ['44'] },
  { agbCode: '98990077', name: 'Crisisteam Jeugd Maas en Roer', categories: ['46', '43'] },
  { agbCode: '98990088', name: 'Zorg Dichtbij Echt', categories: ['40', '45'] },
  { agbCode: '98990099', name: 'Stichting Samen Verder Jeugd', categories: ['45', '50'] },
  { agbCode: '98991010', name: 'Vervoer op Maat Midden', categories: ['42'] },
  { agbCode: '98991021', name: 'Praktijk Roerdelta Jeugd-GGZ', categories: ['54', '45'] },
];

/**
 * How often each JZ020 category is the inzet of plan deel 1. Jeugdreclassering (47),
 * jeugdbescherming (48) and the preventief justitieel kader (49) are left out: they come from
 * the forced frame, not through the CJG's toegang.
 */
export const CATEGORY_WEIGHTS: Partial<Record<ProductCategory, number>> = {
  '45': 40,
  '54': 20,
  '41': 8,
  '44': 6,
  '50': 6,
  '43': 5,
  '40': 5,
  '46': 3,
  '42': 3,
};

export interface OmvangShape {
  unit: Unit;
  frequency: Frequency;
  min: number;
  max: number;
  step?: number;
}

/** Plausible omvang per category (WJ756 eenheid, WMO757 frequentie). */
export const OMVANG_SHAPES: Partial<Record<ProductCategory, OmvangShape[]>> = {
  '40': [{ unit: '04', frequency: '2', min: 2, max: 6 }],
  '41': [{ unit: '16', frequency: '2', min: 2, max: 8 }],
  '42': [{ unit: '84', frequency: '2', min: 4, max: 10 }],
  '43': [{ unit: '14', frequency: '2', min: 5, max: 7 }],
  '44': [
    { unit: '14', frequency: '2', min: 2, max: 7 },
    { unit: '14', frequency: '4', min: 4, max: 10 },
  ],
  '45': [
    { unit: '04', frequency: '2', min: 1, max: 4 },
    { unit: '01', frequency: '2', min: 60, max: 180, step: 30 },
  ],
  '46': [{ unit: '14', frequency: '6', min: 7, max: 28 }],
  '50': [{ unit: '83', frequency: '4', min: 400, max: 2000, step: 50 }],
  '54': [
    { unit: '01', frequency: '6', min: 600, max: 2400, step: 60 },
    { unit: '04', frequency: '4', min: 2, max: 8 },
  ],
};

/** The coordination criterion typeOfCare that goes with a category. */
export function typeOfCare(
  category: ProductCategory,
): 'ambulant' | 'dagbehandeling' | 'verblijf' | 'ggz' | 'other' {
  if (category === '45') return 'ambulant';
  if (category === '41') return 'dagbehandeling';
  if (category === '43' || category === '44' || category === '46') return 'verblijf';
  if (category === '54') return 'ggz';
  return 'other';
}

export const CHILD_FIRST_NAMES = [
  'Sem',
  'Noah',
  'Liam',
  'Lucas',
  'Finn',
  'Daan',
  'Levi',
  'Milan',
  'Luuk',
  'Thijs',
  'Jesse',
  'Mees',
  'Sven',
  'Ruben',
  'Emma',
  'Julia',
  'Mila',
  'Tess',
  'Sophie',
  'Zoë',
  'Sara',
  'Nora',
  'Evi',
  'Anna',
  'Lotte',
  'Fleur',
  'Lieke',
  'Noor',
  'Yara',
  'Lina',
] as const;

export const SURNAMES = [
  'Jansen',
  'Janssen',
  'de Vries',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'Mulder',
  'de Groot',
  'Bos',
  'Peters',
  'Hendriks',
  'Dekker',
  'Smeets',
  'Willems',
  'Hermans',
  'Peeters',
  'Wijnen',
  'Houben',
  'Coenen',
  'Vossen',
  'Beckers',
  'Schreurs',
  'Geurts',
  'Heijnen',
  'van Dijk',
  'Kessels',
  'Lemmens',
  'Jacobs',
  'Verhoeven',
] as const;

/**
 * Results of plan deel 1, in the family's words. No names: plan texts go into the workflow
 * history, which carries no personal data.
 */
export const RESULTS = [
  {
    id: 'school',
    description: 'Het kind gaat weer vijf dagen per week naar school',
    measure: 'Aanwezigheid volgens de mentor, zes weken achter elkaar',
  },
  {
    id: 'rust-thuis',
    description: 'Minder ruzies en escalaties thuis',
    measure: 'Ouders en kind geven de rust thuis een 7 of hoger',
  },
  {
    id: 'dagritme',
    description: 'Het kind heeft een vast dag- en nachtritme',
    measure: 'Op schooldagen voor 23.00 uur naar bed, vier weken lang',
  },
  {
    id: 'emoties',
    description: 'Het kind herkent boosheid en vraagt op tijd om hulp',
    measure: 'Minder dan één woede-uitbarsting per week volgens de ouders',
  },
  {
    id: 'opvoeding',
    description: 'De ouders voelen zich zekerder in de opvoeding',
    measure: 'De ouders geven hun opvoedzekerheid minstens een 7',
  },
  {
    id: 'vrije-tijd',
    description: 'Het kind heeft vrienden en een vrijetijdsbesteding',
    measure: 'Wekelijks een activiteit buiten huis, bijvoorbeeld bij een sportclub',
  },
  {
    id: 'veiligheid',
    description: 'Er is een veiligheidsplan waar het hele gezin zich aan houdt',
    measure: 'Het plan is besproken en ondertekend; geen nieuwe zorgmeldingen',
  },
  {
    id: 'angst',
    description: 'Het kind heeft minder last van angst en somberheid',
    measure: 'De klachten op de vragenlijst zijn met de helft afgenomen',
  },
  {
    id: 'zelfstandig',
    description: 'Het kind doet de dagelijkse verzorging zelfstandig',
    measure: 'Aankleden en wassen zonder hulp, volgens de ouders',
  },
  {
    id: 'netwerk',
    description: 'Het gezin heeft een steunend netwerk om zich heen',
    measure: 'Minstens twee mensen uit het netwerk helpen vast mee',
  },
] as const;

/** Plan deel 2: what a provider says it will do, per category. */
export const ACTIVITIES: Partial<Record<ProductCategory, string[]>> = {
  '40': ['Hulp bij de dagelijkse verzorging, ochtend en avond', 'Instructie aan de ouders'],
  '41': ['Dagbehandeling in een kleine groep', 'Oudergesprekken elke twee weken'],
  '42': ['Vervoer van en naar de dagbehandeling'],
  '43': ['Behandelgroep met dagprogramma', 'Gezinsgesprekken en terugkeer naar huis voorbereiden'],
  '44': ['Logeeropvang in het weekend', 'Afstemming met school en ouders'],
  '45': [
    'Wekelijkse gezinsbegeleiding thuis',
    'Overleg met de mentor over de terugkeer naar school',
    'Training sociale vaardigheden',
    'Opvoedondersteuning voor de ouders',
  ],
  '46': ['Crisisopvang en stabilisatie', 'Plan voor de terugkeer naar huis'],
  '50': ['Maatwerkarrangement met ambulante begeleiding en dagbesteding'],
  '54': ['Diagnostiek', 'Cognitieve gedragstherapie, individueel', 'Ouderbegeleiding'],
};

export const VERDAGING_REASONS = [
  'Het advies van de jeugdarts is nodig voor de beslissing',
  'Wij wachten op het verslag van de school',
  'De intake bij de zorgaanbieder is later dan gepland',
];

export const WITHDRAW_REASONS = [
  'Het gezin is verhuisd naar een andere gemeente',
  'De ouders trekken de aanvraag in',
  'Passende hulp gevonden in het voorliggend veld',
  'De zorgen zijn weggenomen na gesprekken met het CJG',
];

export const END_EVALUATION_REASONS = [
  'De resultaten zijn bereikt; het gezin wil afronden',
  'De hulp sluit niet meer aan; afschalen naar het voorliggend veld',
  'Het einde van de beschikking nadert',
];

export const DIVERGENCE_REASONS = {
  accept: 'Na overleg met de aanbieder is de hogere inzet nodig voor de resultaten',
  refuse: 'Plan deel 1 blijft het uitgangspunt; bij de tussenevaluatie kijken we opnieuw',
};

export const REASSIGN_REASONS = [
  'Langdurig verlof van de coördinator',
  'Verdeling van de caseload',
];

/** A lower-case id part: `de Vries` → `de-vries`, `Zoë` → `zoe`. */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
