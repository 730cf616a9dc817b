rule "google-cloudrun-job-no-public-access" {
  title     = "Cloud Run job can be run by allUsers or allAuthenticatedUsers"
  severity  = "high"
  area      = "identity-access"
  resources = [
    "google_cloud_run_v2_job_iam_member",
    "google_cloud_run_v2_job_iam_binding",
    "google_cloud_run_v2_job_iam_policy",
  ]

  description = <<-EOT
    A role on a Cloud Run job granted to `allUsers` or `allAuthenticatedUsers` (`roles/run.invoker`
    lets a principal execute the job, with overrides of its arguments and environment on recent
    API versions) lets anyone start executions that run as the job's service account and are billed
    to the project. Who may run a job is the customer's IAM decision.

    The rule checks `member` of the `_iam_member` resources, `members` of the `_iam_binding`
    resources and the `policy_data` JSON of the authoritative `_iam_policy` resources, when it is
    known at scan time (a `jsonencode` literal or a heredoc). A policy built by the
    `google_iam_policy` data source is not evaluated.
  EOT
  remediation = "Grant `roles/run.invoker` on the job to the scheduler's or pipeline's service account, or to named groups, instead of `allUsers` / `allAuthenticatedUsers`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/cloud_run_v2_job_iam",
    "https://cloud.google.com/run/docs/securing/managing-access",
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
      resource "google_cloud_run_v2_job_iam_member" "public" {
        location = "europe-west1"
        name     = "nightly-report"
        role     = "roles/run.invoker"
        member   = "allUsers"  # expect: google-cloudrun-job-no-public-access
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_cloud_run_v2_job_iam_binding" "public" {
        location = "europe-west1"
        name     = "nightly-report"
        role     = "roles/run.invoker"
        members = [  # expect: google-cloudrun-job-no-public-access
          "allAuthenticatedUsers",
        ]
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_cloud_run_v2_job_iam_policy" "public" {
        location = "europe-west1"
        name     = "nightly-report"
        policy_data = jsonencode({  # expect: google-cloudrun-job-no-public-access
          bindings = [{
            role    = "roles/run.invoker"
            members = ["allUsers"]
          }]
        })
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_cloud_run_v2_job_iam_member" "scheduler" {
        location = "europe-west1"
        name     = "nightly-report"
        role     = "roles/run.invoker"
        member   = "serviceAccount:scheduler@example-project.iam.gserviceaccount.com"
      }

      resource "google_cloud_run_v2_job_iam_binding" "ops" {
        location = "europe-west1"
        name     = "nightly-report"
        role     = "roles/run.invoker"
        members  = ["group:ops@example.com"]
      }

      resource "google_cloud_run_v2_job_iam_policy" "scheduler" {
        location = "europe-west1"
        name     = "nightly-report"
        policy_data = jsonencode({
          bindings = [{
            role    = "roles/run.invoker"
            members = ["serviceAccount:scheduler@example-project.iam.gserviceaccount.com"]
          }]
        })
      }
    EOT
  }
}
