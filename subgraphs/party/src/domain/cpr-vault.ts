import { createHmac } from "node:crypto";
import { derivedKey, SecretBox } from "@samtykke/server-kit";

/**
 * Keeps CPR numbers out of the database in clear: a keyed hash to look a citizen up by, and
 * authenticated encryption to show the number to those who may see it. A leaked table alone
 * reveals neither.
 */
export class CprVault {
  private readonly hashKey: Buffer;
  private readonly box: SecretBox;

  constructor(secret: string) {
    if (Buffer.byteLength(secret, "utf8") < 32) throw new Error("CPR_KEY must be at least 32 characters");
    this.hashKey = derivedKey(secret, "samtykke cpr lookup");
    this.box = new SecretBox(secret, "samtykke cpr encryption");
  }

  lookupHash(cpr: string): string {
    return createHmac("sha256", this.hashKey).update(cpr).digest("hex");
  }

  encrypt(cpr: string): string {
    return this.box.seal(cpr);
  }

  decrypt(payload: string): string {
    return this.box.open(payload);
  }
}
