import { graphql } from "../../gql/index.js";
import type { ConsentStatisticsQuery } from "../../gql/graphql.js";

export type TemplateStatistics = ConsentStatisticsQuery["consentStatistics"][number];

export const STATISTICS = graphql(`
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
`);
