rule "google-cloudrun-no-public-invoker" {
  title     = "Cloud Run service can be invoked by allUsers or allAuthenticatedUsers"
  severity  = "high"
  area      = "identity-access"
  resources = [
    "google_cloud_run_service_iam_member",
    "google_cloud_run_service_iam_binding",
    "google_cloud_run_service_iam_policy",
    "google_cloud_run_v2_service_iam_member",
    "google_cloud_run_v2_service_iam_binding",
    "google_cloud_run_v2_service_iam_policy",
  ]
  aliases   = ["CKV_GCP_102"]

  description = <<-EOT
    Granting `roles/run.invoker` (or any role) on a Cloud Run service to `allUsers` lets anyone on the
    internet call it without credentials, and `allAuthenticatedUsers` is anyone with any Google
    account, which is no narrower. Every endpoint of the container becomes an unauthenticated
    attack surface, and the service's own service account acts on behalf of strangers. Who may
    invoke the service is the customer's IAM decision.

    A deliberately public website or API is a valid design: suppress the finding for that service
    with a reason, so that the exception is recorded.

    The rule checks `member` of the `_iam_member` resources, `members` of the `_iam_binding`
    resources and the `policy_data` JSON of the authoritative `_iam_policy` resources, when it is
    known at scan time (a `jsonencode` literal or a heredoc). A policy built by the
    `google_iam_policy` data source is not evaluated.
  EOT
  remediation = "Grant the role to named users, groups (`group:...`), a domain or service accounts instead of `allUsers` / `allAuthenticatedUsers`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/cloud_run_service_iam",
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/cloud_run_v2_service_iam",
    "https://cloud.google.com/run/docs/authenticating/public",
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
      resource "google_cloud_run_service_iam_member" "public" {
        location = "europe-west1"
        service  = "api"
        role   = "roles/run.invoker"
        member = "allUsers"  # expect: google-cloudrun-no-public-invoker
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_cloud_run_v2_service_iam_binding" "public" {
        location = "europe-west1"
        name     = "api"
        role    = "roles/run.invoker"
        members = [  # expect: google-cloudrun-no-public-invoker
          "group:team@example.com",
          "allAuthenticatedUsers",
        ]
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_cloud_run_service_iam_policy" "public" {
        location = "europe-west1"
        service  = "api"
        policy_data = jsonencode({  # expect: google-cloudrun-no-public-invoker
          bindings = [{
            role    = "roles/run.invoker"
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

      resource "google_cloud_run_v2_service_iam_member" "from_variable" {
        location = "europe-west1"
        name     = "api"
        role   = "roles/run.invoker"
        member = var.invoker  # expect: google-cloudrun-no-public-invoker
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_cloud_run_service_iam_member" "team" {
        location = "europe-west1"
        service  = "api"
        role   = "roles/run.invoker"
        member = "group:team@example.com"
      }

      resource "google_cloud_run_v2_service_iam_binding" "workers" {
        location = "europe-west1"
        name     = "api"
        role    = "roles/run.invoker"
        members = ["serviceAccount:worker@example-project.iam.gserviceaccount.com"]
      }

      resource "google_cloud_run_service_iam_policy" "private" {
        location = "europe-west1"
        service  = "api"
        policy_data = jsonencode({
          bindings = [{
            role    = "roles/run.invoker"
            members = ["domain:example.com"]
          }]
        })
      }
    EOT
  }
}
