/**
 * Who receives a letter meant for the family (a letter to the recipient `{ role: 'client' }`):
 * every registered parent or carer with an e-mail address, and the young person himself once he
 * has reached the policy's age and has an address of his own (domain.md: "Letters go to the
 * parents or carers (each one registered), to the young person from the policy's age"). A client
 * without registered carers keeps the one address it has (the family's), as before carers were
 * registered.
 *
 * Each addressee has its own reference, the letter ledger's key, so each gets a letter once:
 * `client:<id>` for the young person (or the family's address), `client:<id>/carer:<n>` for the
 * n-th carer. The workflow knows only the client; who that is, is read at send time.
 */
import { addToDate, compareDates, isCalendarDate, type CalendarDate } from './time';

/** From this age the young person gets the family's letters himself, by default. */
export const DEFAULT_OWN_LETTERS_FROM_AGE = 16;
/**
 * From this age the young person is asked about the help himself (004: "ouders en jongeren"),
 * next to the carers: the 3-month check and the questionnaires, whatever the letters' age.
 */
export const OWN_ANSWERS_FROM_AGE = 12;

/**
 * From which age the young person gets a family letter himself: the questions about the help
 * (the 3-month check, the questionnaires) from OWN_ANSWERS_FROM_AGE, every other letter from the
 * policy's age.
 */
export function ownLetterAge(asksAboutTheHelp: boolean, ownLettersFromAge: number): number {
  return asksAboutTheHelp ? Math.min(ownLettersFromAge, OWN_ANSWERS_FROM_AGE) : ownLettersFromAge;
}
/** The ages a policy may choose: Jeugdwet minors (12: a say in his own care; up to 18). */
export const OWN_LETTERS_AGE_RANGE = { min: 12, max: 18 } as const;

export interface FamilyClient {
  id: string;
  name: string;
  email: string | null;
  dateOfBirth: CalendarDate | null;
}

export interface FamilyCarer {
  position: number;
  name: string;
  email: string | null;
}

export interface FamilyAddressee {
  /** The ledger reference: `client:<id>` or `client:<id>/carer:<n>`. */
  ref: string;
  /** Whom the letter greets. */
  name: string;
  email: string | null;
}

/** Whether someone born on `dateOfBirth` is at least `age` on `today` (Amsterdam dates). */
export function hasReachedAge(
  dateOfBirth: CalendarDate,
  age: number,
  today: CalendarDate,
): boolean {
  return compareDates(addToDate(dateOfBirth, age * 12), today) <= 0;
}

export const carerRef = (clientId: string, position: number): string =>
  `client:${clientId}/carer:${position}`;

/**
 * The addressees of one family letter. Without carers: the client's own address (none gives one
 * addressee without an address: the letter is undeliverable, as before). With carers: each carer
 * with an address, and the young person from `ownLettersFromAge` (his date of birth known, his
 * own address given); when that leaves nobody, one addressee without an address.
 */
export function familyAddressees(
  client: FamilyClient,
  carers: readonly FamilyCarer[],
  ownLettersFromAge: number,
  today: CalendarDate,
): FamilyAddressee[] {
  const own: FamilyAddressee = {
    ref: `client:${client.id}`,
    name: client.name,
    email: client.email,
  };
  if (carers.length === 0) return [own];
  const addressees: FamilyAddressee[] = [...carers]
    .sort((a, b) => a.position - b.position)
    .filter((carer) => carer.email)
    .map((carer) => ({
      ref: carerRef(client.id, carer.position),
      name: carer.name,
      email: carer.email,
    }));
  const ofAge =
    client.email !== null &&
    client.dateOfBirth !== null &&
    isCalendarDate(client.dateOfBirth) &&
    hasReachedAge(client.dateOfBirth, ownLettersFromAge, today);
  if (ofAge) addressees.push(own);
  return addressees.length > 0 ? addressees : [{ ...own, email: null }];
}
