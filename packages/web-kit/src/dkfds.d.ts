// Aliases to files inside dkfds, set in each app's vite.config.ts.
declare module "dkfds-css";
declare module "dkfds-icons" {
  const url: string;
  export default url;
}
