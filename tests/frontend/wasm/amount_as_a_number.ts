// Must not compile: an amount is a decimal string, never a number.
import { quoteArgs } from "PACKAGE";

const result = quoteArgs("pixverse/pixverse-5.5/text-to-video", { prompt: "a black lab" });
if (!result.errors && result.amount !== undefined) {
  const dollars: number = result.amount;
  console.log(dollars);
}
