rule "google-artifactregistry-no-public-access" {
  title     = "Artifact Registry repository grants access to allUsers or allAuthenticatedUsers"
  severity  = "high"
  area      = "data-protection"
  resources = [
    "google_artifact_registry_repository_iam_member",
    "google_artifact_registry_repository_iam_binding",
    "google_artifact_registry_repository_iam_policy",
  ]
  aliases   = ["CKV_GCP_101"]

  description = <<-EOT
    A role on a repository granted to `allUsers` or `allAuthenticatedUsers` lets anyone pull its images
    and packages, which often embed internal code, configuration and occasionally credentials; a
    writer role lets strangers replace what production pulls. Repository access is the customer's
    IAM decision.

    A repository meant to publish open-source artefacts is a valid exception: suppress the finding
    for it with a reason.

    The rule checks `member` of the `_iam_member` resources, `members` of the `_iam_binding`
    resources and the `policy_data` JSON of the authoritative `_iam_policy` resources, when it is
    known at scan time (a `jsonencode` literal or a heredoc). A policy built by the
    `google_iam_policy` data source is not evaluated.
  EOT
  remediation = "Grant the role to named users, groups (`group:...`), a domain or service accounts instead of `allUsers` / `allAuthenticatedUsers`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/artifact_registry_repository_iam",
    "https://cloud.google.com/artifact-registry/docs/access-control",
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
      resource "google_artifact_registry_repository_iam_member" "public" {
        location   = "europe"
        repository = "images"
        role   = "roles/artifactregistry.reader"
        member = "allUsers"  # expect: google-artifactregistry-no-public-access
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_artifact_registry_repository_iam_binding" "public" {
        location   = "europe"
        repository = "images"
        role    = "roles/artifactregistry.reader"
        members = [  # expect: google-artifactregistry-no-public-access
          "group:team@example.com",
          "allAuthenticatedUsers",
        ]
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_artifact_registry_repository_iam_policy" "public" {
        location   = "europe"
        repository = "images"
        policy_data = jsonencode({  # expect: google-artifactregistry-no-public-access
          bindings = [{
            role    = "roles/artifactregistry.reader"
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

      resource "google_artifact_registry_repository_iam_member" "from_variable" {
        location   = "europe"
        repository = "images"
        role   = "roles/artifactregistry.reader"
        member = var.invoker  # expect: google-artifactregistry-no-public-access
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_artifact_registry_repository_iam_member" "team" {
        location   = "europe"
        repository = "images"
        role   = "roles/artifactregistry.reader"
        member = "group:team@example.com"
      }

      resource "google_artifact_registry_repository_iam_binding" "workers" {
        location   = "europe"
        repository = "images"
        role    = "roles/artifactregistry.reader"
        members = ["serviceAccount:worker@example-project.iam.gserviceaccount.com"]
      }

      resource "google_artifact_registry_repository_iam_policy" "private" {
        location   = "europe"
        repository = "images"
        policy_data = jsonencode({
          bindings = [{
            role    = "roles/artifactregistry.reader"
            members = ["domain:example.com"]
          }]
        })
      }
    EOT
  }
}
