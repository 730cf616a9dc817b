rule "google-gke-no-legacy-client-auth" {
  title     = "GKE cluster issues a client certificate or uses basic authentication"
  severity  = "high"
  area      = "identity-access"
  resources = ["google_container_cluster"]
  aliases   = ["CKV_GCP_13", "AVD-GCP-0064", "google-gke-no-legacy-authentication"]

  description = <<-EOT
    With `issue_client_certificate = true`, GKE creates a long-lived client certificate for the
    cluster. It cannot be revoked short of rotating the cluster's credentials, is not tied to a person,
    and whoever reads it from the cluster's `master_auth` output (or the Terraform state) can
    authenticate to the API server. Basic authentication (a static username and password) has the same
    problems and is no longer supported on GKE 1.19 and later. IAM-based authentication should be the
    only way in; choosing the authentication methods is the customer's decision.

    `master_auth.client_certificate_config.issue_client_certificate` is required when the block is
    present; client certificates are not issued when it is absent. `master_auth.username` and
    `password` were removed in google provider v4; a non-empty `username` is still reported for
    older configurations.
  EOT
  remediation = "Set `master_auth { client_certificate_config { issue_client_certificate = false } }` or remove the `master_auth` block, and authenticate with Google identities (gke-gcloud-auth-plugin)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#nested_master_auth",
    "https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster#restrict_authn_methods",
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/guides/version_4_upgrade",
  ]

  assert {
    any {
      attribute "master_auth.client_certificate_config.issue_client_certificate" {
        present = false
      }
      attribute "master_auth.client_certificate_config.issue_client_certificate" {
        equals = false
      }
    }
    # google provider v3 and earlier: basic authentication
    any {
      attribute "master_auth.username" {
        present = false
      }
      attribute "master_auth.username" {
        equals = ""
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_container_cluster" "prod" {
        name               = "prod"
        location           = "europe-west1"
        initial_node_count = 1

        master_auth {
          client_certificate_config {
            issue_client_certificate = true  # expect: google-gke-no-legacy-client-auth
          }
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_container_cluster" "prod" {
        name               = "prod"
        location           = "europe-west1"
        initial_node_count = 1

        master_auth {
          client_certificate_config {
            issue_client_certificate = false
          }
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_container_cluster" "prod" {
        name               = "prod"
        location           = "europe-west1"
        initial_node_count = 1
      }
    EOT
  }
}
