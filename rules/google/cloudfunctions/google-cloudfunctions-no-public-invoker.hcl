rule "google-cloudfunctions-no-public-invoker" {
  title     = "Cloud Function can be invoked by allUsers or allAuthenticatedUsers"
  severity  = "high"
  area      = "identity-access"
  resources = [
    "google_cloudfunctions_function_iam_member",
    "google_cloudfunctions_function_iam_binding",
    "google_cloudfunctions_function_iam_policy",
    "google_cloudfunctions2_function_iam_member",
    "google_cloudfunctions2_function_iam_binding",
    "google_cloudfunctions2_function_iam_policy",
  ]
  aliases   = ["CKV_GCP_107"]

  description = <<-EOT
    Granting `roles/cloudfunctions.invoker` (or any role) on a function to `allUsers` lets anyone on
    the internet trigger it over HTTP, and `allAuthenticatedUsers` is anyone with any Google account.
    The function's code then runs with its service account's permissions for any caller, and its
    invocations are billed to the project. Who may invoke a function is the customer's IAM decision.

    Both generations are checked (`google_cloudfunctions_function_iam_*` and
    `google_cloudfunctions2_function_iam_*`). A deliberately public webhook is a valid design:
    suppress the finding for it with a reason.

    The rule checks `member` of the `_iam_member` resources, `members` of the `_iam_binding`
    resources and the `policy_data` JSON of the authoritative `_iam_policy` resources, when it is
    known at scan time (a `jsonencode` literal or a heredoc). A policy built by the
    `google_iam_policy` data source is not evaluated.
  EOT
  remediation = "Grant the role to named users, groups (`group:...`), a domain or service accounts instead of `allUsers` / `allAuthenticatedUsers`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/cloudfunctions_function_iam",
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/cloudfunctions2_function_iam",
    "https://cloud.google.com/functions/docs/securing/managing-access-iam",
  ]

  assert {
    attribute "member" {
      not_one_of = ["allUsers", "allAuthenticatedUsers"]
      default    = ""
    }
    attribute "members" {
      not_contains = "allUsers"
      default      = []
    }
    attribute "members" {
      not_contains = "allAuthenticatedUsers"
      default      = []
    }
    attribute "policy_data" {
      not_matches = "\"(allUsers|allAuthenticatedUsers)\""
      default     = ""
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_cloudfunctions_function_iam_member" "public" {
        region         = "europe-west1"
        cloud_function = "ingest"
        role   = "roles/cloudfunctions.invoker"
        member = "allUsers"  # expect: google-cloudfunctions-no-public-invoker
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_cloudfunctions2_function_iam_binding" "public" {
        location       = "europe-west1"
        cloud_function = "ingest"
        role    = "roles/cloudfunctions.invoker"
        members = [  # expect: google-cloudfunctions-no-public-invoker
          "group:team@example.com",
          "allAuthenticatedUsers",
        ]
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_cloudfunctions_function_iam_policy" "public" {
        region         = "europe-west1"
        cloud_function = "ingest"
        policy_data = jsonencode({  # expect: google-cloudfunctions-no-public-invoker
          bindings = [{
            role    = "roles/cloudfunctions.invoker"
            members = ["allUsers"]
          }]
        })
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      variable "invoker" {
        type    = string
        default = "allAuthenticatedUsers"
      }

      resource "google_cloudfunctions2_function_iam_member" "from_variable" {
        location       = "europe-west1"
        cloud_function = "ingest"
        role   = "roles/cloudfunctions.invoker"
        member = var.invoker  # expect: google-cloudfunctions-no-public-invoker
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_cloudfunctions_function_iam_member" "team" {
        region         = "europe-west1"
        cloud_function = "ingest"
        role   = "roles/cloudfunctions.invoker"
        member = "group:team@example.com"
      }

      resource "google_cloudfunctions2_function_iam_binding" "workers" {
        location       = "europe-west1"
        cloud_function = "ingest"
        role    = "roles/cloudfunctions.invoker"
        members = ["serviceAccount:worker@example-project.iam.gserviceaccount.com"]
      }

      resource "google_cloudfunctions_function_iam_policy" "private" {
        region         = "europe-west1"
        cloud_function = "ingest"
        policy_data = jsonencode({
          bindings = [{
            role    = "roles/cloudfunctions.invoker"
            members = ["domain:example.com"]
          }]
        })
      }
    EOT
  }
}
