import { useQuery } from "@apollo/client/react";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { useParams } from "react-router";
import { ErrorAlert, errorCode, NotFound, useConsentEvents } from "@samtykke/web-kit";
import { useLanguage, type Language } from "../lib/i18n.js";
import { CITIZEN_CONSENT, MY_CONSENT_CHANGES, MY_CONSENTS, type CitizenConsent, type CitizenConsentSummary } from "../features/consents/operations.js";

/** Someone the citizen may act for: themselves, a child in their custody, or a person who gave them power of attorney. */
export interface Person {
  id: string;
  name: string;
  relation: "SELF" | "CHILD" | "GRANTOR" | "WARD";
}

export interface CitizenData {
  me: { id: string; name: string; cprMasked: string };
  consents: CitizenConsentSummary[];
  /** How many consent changes have arrived live; pages that show letters ask again after each. */
  changes: number;
  /** The citizen first, then each child, then each grantor. */
  people: Person[];
  /** On whose behalf the citizen acts now; kept for the tab across reloads. */
  actingFor: Person;
  actFor: (personId: string) => void;
}

// Per tab, like the session: a reload keeps the choice, a new tab starts with the citizen themselves.
const ACTING_FOR_KEY = "samtykke.actingFor";

const NOT_THERE = new Set(["NOT_FOUND", "FORBIDDEN", "BAD_USER_INPUT"]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const CitizenContext = createContext<CitizenData | null>(null);

/** The signed-in citizen and their consents, as loaded and kept live by `CitizenDataProvider`. */
export function useCitizen(): CitizenData {
  const data = useContext(CitizenContext);
  if (!data) throw new Error("useCitizen outside CitizenDataProvider");
  return data;
}

/**
 * The consent or request the address names (`:id`), with everything its page shows, among those the
 * citizen may see; else a page saying it is not there. It stays live: a change arriving for the
 * overview lands in the same cache entry.
 */
export function ConsentFromRoute({ children }: { children: (consent: CitizenConsent) => ReactNode }) {
  const { id = "" } = useParams();
  const { t } = useLanguage();
  const { people, actingFor, actFor } = useCitizen();
  const wellFormed = UUID.test(id);
  const { data, loading, error } = useQuery(CITIZEN_CONSENT, { variables: { id }, fetchPolicy: "network-only", skip: !wellFormed });
  const consent = data?.consent;
  // A page about someone's consent is a page acted on their behalf: the switch follows the address.
  const subjectId = consent?.subject.id;
  useEffect(() => {
    if (subjectId && subjectId !== actingFor.id && people.some((person) => person.id === subjectId)) actFor(subjectId);
  }, [subjectId, actingFor.id, people, actFor]);
  if (loading && !consent) return <p role="status">{t("loading")}</p>;
  // Another's consent is answered as one that does not exist, so a guessed address tells nothing.
  if (!consent && (!wellFormed || !error || NOT_THERE.has(errorCode(error) ?? ""))) return <NotFound />;
  if (!consent) return <ErrorAlert error={error} />;
  return children(consent);
}

/**
 * Loads the citizen's consents once and follows them live for every page: each change lands in the
 * cache (so every page shows it at once) and is announced to screen readers.
 */
export function CitizenDataProvider({ children }: { children: ReactNode }) {
  const { t, pick, status, language } = useLanguage();
  // Announced in the language it was made in; a switch of language leaves no stale text behind.
  const [announcement, setAnnouncement] = useState<{ text: string; language: Language }>();
  const [changes, setChanges] = useState(0);
  const [actingForId, setActingForId] = useState(() => sessionStorage.getItem(ACTING_FOR_KEY));
  // Always from the server: the cursor read with the list must be as new as the list.
  const { data, loading, error } = useQuery(MY_CONSENTS, { fetchPolicy: "network-only" });
  const me = data?.me;

  useConsentEvents(MY_CONSENT_CHANGES, {
    variables: {},
    startAfter: me ? data.latestConsentCursor : undefined,
    list: { owner: "ROOT_QUERY", field: "myConsents" },
    onEvent: (event) => {
      const what = event.status === "REQUESTED" ? t("newRequest") : t("statusChanged");
      setAnnouncement({ text: `${what}: ${pick(event.consent.title)} – ${status(event.status)}`, language });
      setChanges((count) => count + 1);
    },
  });

  if (loading) return <p role="status">{t("loading")}</p>;
  if (error || !me) return <ErrorAlert error={error} />;
  const people = peopleOf(me);
  const actFor = (personId: string) => {
    sessionStorage.setItem(ACTING_FOR_KEY, personId);
    setActingForId(personId);
  };
  // One who is no longer among them (custody ended, the power of attorney lapsed) falls back to the citizen.
  const actingFor = people.find((person) => person.id === actingForId) ?? people[0]!;
  return (
    <CitizenContext.Provider value={{ me, consents: data.myConsents, changes, people, actingFor, actFor }}>
      <p role="status" aria-live="polite" className="sr-only">
        {announcement?.language === language && announcement.text}
      </p>
      {children}
    </CitizenContext.Provider>
  );
}

function peopleOf(me: {
  id: string;
  name: string;
  children: { id: string; name: string }[];
  powersOfAttorney: { grantor: { id: string; name: string }; basis: string }[];
}): Person[] {
  const people: Person[] = [{ id: me.id, name: me.name, relation: "SELF" }, ...me.children.map((child) => ({ ...child, relation: "CHILD" as const }))];
  for (const { grantor, basis } of me.powersOfAttorney) {
    // A guardian the person register appointed for personal matters acts as an attorney does.
    if (!people.some((person) => person.id === grantor.id)) people.push({ id: grantor.id, name: grantor.name, relation: basis === "GUARDIANSHIP" ? "WARD" : "GRANTOR" });
  }
  return people;
}
