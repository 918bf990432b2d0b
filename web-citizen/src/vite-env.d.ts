/// <reference types="vite/client" />
/// <reference path="../../packages/web-kit/src/dkfds.d.ts" />
