import { graphql } from "../../gql/index.js";

export const REQUEST_DATA_EXPORT = graphql(`
  mutation RequestMyDataExport($citizenId: ID) {
    requestMyDataExport(citizenId: $citizenId) { id status done total size }
  }
`);

export const DATA_EXPORT = graphql(`
  query MyDataExport($id: ID!) {
    myDataExport(id: $id) { id status done total size readyAt subject { id name } }
  }
`);

export const DATA_EXPORT_ARCHIVE = graphql(`
  query MyDataExportArchive($id: ID!) {
    myDataExport(id: $id) { id archiveBase64 }
  }
`);
