import { describe, expect, it } from "vitest";
import { AppError, conflict, validationFailed } from "../../functions/services/errors";
import { handleFormActions, rendered, type FormAction, type FormActionOptions, type PostedForm } from "./form-actions";

/** A page context as Astro gives it, reduced to what the runner touches. */
function pageFor(request: Request) {
  return {
    request,
    response: { status: 200 } as { status?: number },
    redirect: (path: string, status: 303) => new Response(null, { status, headers: { location: path } }),
  };
}

function post(fields: Record<string, string>): Request {
  return new Request("https://mistvine.test/o/acme/waves", { method: "POST", body: new URLSearchParams(fields) });
}

async function run<R = never>(request: Request, actions: Record<string, FormAction<R>>, options?: FormActionOptions) {
  const page = pageFor(request);
  const result = await handleFormActions<R>(page, actions, options);
  return { page, result };
}

function refused<R>(result: PostedForm<R> | Response): PostedForm<R> {
  if (result instanceof Response) throw new Error(`expected a refusal, got a ${result.status} response`);
  return result;
}

describe("handleFormActions", () => {
  it("does nothing on a GET: no action runs and the page renders as usual", async () => {
    let ran = false;
    const { page, result } = await run(new Request("https://mistvine.test/o/acme/waves"), {
      "create-wave": async () => ((ran = true), "/elsewhere"),
    });
    expect(ran).toBe(false);
    expect(result).toEqual({
      submitted: false,
      action: "",
      values: {},
      form: null,
      outcome: { errors: {}, message: "", status: 200 },
      error: null,
      rendered: null,
    });
    expect(page.response.status).toBe(200);
  });

  it("runs the posted action with what was typed and redirects 303 to the URL it returns", async () => {
    let seen: Record<string, string> = {};
    const { result } = await run(post({ _action: "create-wave", name: "Wave 8" }), {
      "create-wave": async (values, form, now) => {
        seen = { ...values, fromForm: String(form.get("name")), now: typeof now.getTime() };
        return "/o/acme/waves/w8?done=created";
      },
    });
    expect(result).toBeInstanceOf(Response);
    expect((result as Response).status).toBe(303);
    expect((result as Response).headers.get("location")).toBe("/o/acme/waves/w8?done=created");
    expect(seen).toEqual({ _action: "create-wave", name: "Wave 8", fromForm: "Wave 8", now: "number" });
  });

  it("answers a response the action returns as it is (a one-click unsubscribe's 204)", async () => {
    const { result } = await run(
      post({ "List-Unsubscribe": "One-Click" }),
      { unsubscribe: async () => new Response(null, { status: 204 }) },
      {
        defaultAction: "unsubscribe",
      },
    );
    expect((result as Response).status).toBe(204);
  });

  it("comes back with the value an action renders instead of redirecting (a new token, shown once), its status set", async () => {
    const { page, result } = await run<{ secret: string }>(post({ _action: "token", name: "CI" }), {
      token: async () => rendered({ secret: "mv_live_123" }, 201),
    });
    const posted = refused(result);
    expect(posted.rendered).toEqual({ secret: "mv_live_123" });
    expect(posted.error).toBeNull();
    expect(posted.outcome).toEqual({ errors: {}, message: "", status: 201 });
    expect(page.response.status).toBe(201);
  });

  it("turns a refusal with details into messages by field, the status set and what was typed kept", async () => {
    const { page, result } = await run(post({ _action: "create-wave", name: "", endsOn: "2020-01-01" }), {
      "create-wave": async () => {
        throw validationFailed([
          { field: "name", issue: "Name the wave." },
          { field: "endsOn", issue: "The wave ends after it starts." },
          { field: "name", issue: "A second issue with the name is not shown." },
        ]);
      },
    });
    const posted = refused(result);
    expect(posted.submitted).toBe(true);
    expect(posted.action).toBe("create-wave");
    expect(posted.outcome).toEqual({
      errors: { name: "Name the wave.", endsOn: "The wave ends after it starts." },
      message: "",
      status: 400,
    });
    expect(posted.values).toEqual({ _action: "create-wave", name: "", endsOn: "2020-01-01" });
    expect(posted.error).toBeInstanceOf(AppError);
    expect(page.response.status).toBe(400);
  });

  it("puts a field's message where fieldName says, given the posted form", async () => {
    const { result } = await run(
      post({ _action: "add-objective", kr3_title: "" }),
      {
        "add-objective": async () => {
          throw validationFailed([{ field: "keyResults.0.title", issue: "Name the key result." }]);
        },
      },
      { fieldName: (field, form) => (field === "keyResults.0.title" && form.has("kr3_title") ? "kr3_title" : field) },
    );
    expect(refused(result).outcome.errors).toEqual({ kr3_title: "Name the key result." });
  });

  it("turns a refusal without details into a message for the whole form", async () => {
    const { page, result } = await run(post({ _action: "open" }), {
      open: async () => {
        throw conflict("A campaign is already open.");
      },
    });
    expect(refused(result).outcome).toEqual({ errors: {}, message: "A campaign is already open.", status: 409 });
    expect(page.response.status).toBe(409);
  });

  it("refuses an unknown action with a 400 and a message, keeping what was typed", async () => {
    let ran = false;
    const { page, result } = await run(post({ _action: "no-such-action", name: "Kept" }), {
      "create-wave": async () => ((ran = true), "/x"),
    });
    const posted = refused(result);
    expect(ran).toBe(false);
    expect(posted.outcome).toEqual({
      errors: {},
      message: "That form action does not exist. Reload the page and try again.",
      status: 400,
    });
    expect(posted.values.name).toBe("Kept");
    expect(page.response.status).toBe(400);
  });

  it("does not take a property every object has for an action", async () => {
    const { result } = await run(post({ _action: "constructor" }), {});
    expect(refused(result).outcome.status).toBe(400);
  });

  it("runs the default action for a form without `_action`, and still refuses one naming an unknown action", async () => {
    const actions = { vote: async () => "/p/t?voted=1" };
    const { result } = await run(post({ score_o1: "4" }), actions, { defaultAction: "vote" });
    expect((result as Response).headers.get("location")).toBe("/p/t?voted=1");

    const unknown = refused((await run(post({ _action: "delete-everything" }), actions, { defaultAction: "vote" })).result);
    expect(unknown.outcome.status).toBe(400);
    expect(unknown.action).toBe("delete-everything");
  });

  it("a form without `_action` on a page with no default action is an unknown action", async () => {
    const { result } = await run(post({ name: "x" }), { "create-team": async () => "/x" });
    expect(refused(result).outcome.status).toBe(400);
  });

  it("matches a prefix action (a key ending in ':') and tells it the whole action posted", async () => {
    let chosen = "";
    const { result } = await run(post({ _action: "to-progress:thread-7" }), {
      save: async () => "/saved",
      "to-progress:": async (_v, _f, _now, action) => ((chosen = action), "/moved"),
    });
    expect((result as Response).headers.get("location")).toBe("/moved");
    expect(chosen).toBe("to-progress:thread-7");
    const other = await run(post({ _action: "to-nowhere:thread-7" }), { "to-progress:": async () => "/moved" });
    expect(refused(other.result).outcome.status).toBe(400);
  });

  it("reads a POST with no body as an empty form (a bare button, a script's fetch)", async () => {
    const { result } = await run(
      new Request("https://mistvine.test/auth/link/t", { method: "POST" }),
      { "use-link": async () => "/o" },
      {
        defaultAction: "use-link",
      },
    );
    expect((result as Response).headers.get("location")).toBe("/o");
  });

  it("refuses a form over 64 KB with a 413 message, never running the action", async () => {
    let ran = false;
    const { page, result } = await run(post({ _action: "save", notes: "x".repeat(70_000) }), { save: async () => ((ran = true), "/x") });
    const posted = refused(result);
    expect(ran).toBe(false);
    expect(posted.outcome).toEqual({ errors: {}, message: "The form is larger than 64 KB.", status: 413 });
    expect(posted.form).toBeNull();
    expect(page.response.status).toBe(413);
  });

  it("rethrows anything that is not an AppError: a bug is not a refusal", async () => {
    const bug = new TypeError("cannot read properties of undefined");
    await expect(
      run(post({ _action: "save" }), {
        save: async () => {
          throw bug;
        },
      }),
    ).rejects.toBe(bug);
  });
});
