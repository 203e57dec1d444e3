import { it } from "vitest";

it("the browser suite needs Chromium", () => {
  throw new Error(
    `Chromium was not found at ${process.env.CHROME_PATH_TRIED}, so the browser half of the suite cannot run. ` +
      "Install Debian's Chromium with `sudo apt-get install -y chromium` (it lands at /usr/bin/chromium), " +
      "or point CHROME_PATH at an existing Chromium or Chrome binary.",
  );
});
