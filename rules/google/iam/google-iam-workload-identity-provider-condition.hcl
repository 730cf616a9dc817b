rule "google-iam-workload-identity-provider-condition" {
  title     = "Workload identity pool provider accepts any token from its issuer"
  severity  = "high"
  area      = "identity-access"
  resources = [
    "google_iam_workload_identity_pool_provider",
  ]
  aliases   = ["CKV_GCP_118", "AVD-GCP-0068", "google-iam-no-conditions-workload-identity-pool-provider"]

  description = <<-EOT
    A provider for a shared issuer such as GitHub Actions, GitLab or a public OIDC service trusts
     tokens minted for every customer of that issuer. Without an `attribute_condition`, any repository
     or account on the issuer can exchange its token for access to the pool, and then impersonate the
     service accounts the pool may use. Severity is high: it is an external identity takeover path.
     Restricting the accepted tokens is the customer's configuration.
  EOT
  remediation = "Add an `attribute_condition` that pins the trusted owner, for example `assertion.repository_owner == \"example-org\"`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/iam_workload_identity_pool_provider#attribute_condition",
    "https://cloud.google.com/iam/docs/workload-identity-federation#conditions",
  ]

  assert {
    attribute "attribute_condition" {
      present = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_iam_workload_identity_pool_provider" "github" {  # expect: google-iam-workload-identity-provider-condition
        workload_identity_pool_id          = "ci"
        workload_identity_pool_provider_id = "github"
        attribute_mapping = {
          "google.subject"       = "assertion.sub"
          "attribute.repository" = "assertion.repository"
        }

        oidc {
          issuer_uri = "https://token.actions.githubusercontent.com"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_iam_workload_identity_pool_provider" "github" {
        workload_identity_pool_id          = "ci"
        workload_identity_pool_provider_id = "github"
        attribute_mapping = {
          "google.subject"       = "assertion.sub"
          "attribute.repository" = "assertion.repository"
        }
        attribute_condition = "assertion.repository_owner == 'example-org'"

        oidc {
          issuer_uri = "https://token.actions.githubusercontent.com"
        }
      }
    EOT
  }
}
