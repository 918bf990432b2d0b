import { gql, type TypedDocumentNode } from "@apollo/client";
import type { LocalizedText } from "../../lib/i18n.js";
import type { Channel } from "../consents/operations.js";

export interface TemplateStatistics {
  templateKey: string;
  title: LocalizedText;
  requested: number | null;
  answered: number | null;
  given: number | null;
  declined: number | null;
  withdrawn: number | null;
  expired: number | null;
  medianHoursToAnswer: number | null;
  p90HoursToAnswer: number | null;
  channels: { channel: Channel; count: number | null }[];
}

export const STATISTICS: TypedDocumentNode<{ consentStatistics: TemplateStatistics[] }, { from: string; to: string }> = gql`
  query ConsentStatistics($from: DateTimeISO!, $to: DateTimeISO!) {
    consentStatistics(from: $from, to: $to) {
      templateKey
      title { da en }
      requested
      answered
      given
      declined
      withdrawn
      expired
      medianHoursToAnswer
      p90HoursToAnswer
      channels { channel count }
    }
  }
`;
