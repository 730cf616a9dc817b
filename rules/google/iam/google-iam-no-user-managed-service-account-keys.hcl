rule "google-iam-no-user-managed-service-account-keys" {
  title     = "Service account has a user-managed key"
  severity  = "medium"
  area      = "identity-access"
  compliance = {
    "cis-gcp-2.0" = ["1.4"]
  }
  resources = [
    "google_service_account_key",
  ]
  aliases   = ["CKV2_GCP_3"]

  description = <<-EOT
    A user-managed service account key is a long-lived credential that does not expire by default,
     ends up in files, CI variables and the Terraform state (`private_key`), and is the most common way
     service accounts are compromised. Workload Identity, attached service accounts and impersonation
     avoid keys altogether. Creating keys is the customer's choice; severity is medium.

     Every `google_service_account_key` resource is reported, except one that only uploads a public
     key (`public_key_data`), whose private half never touches Terraform.
  EOT
  remediation = "Remove the key and use Workload Identity Federation, an attached service account or `roles/iam.serviceAccountTokenCreator` impersonation; enforce `iam.disableServiceAccountKeyCreation`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_service_account_key",
    "https://cloud.google.com/iam/docs/best-practices-for-managing-service-account-keys",
  ]

  assert {
    attribute "public_key_data" {
      present = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_service_account_key" "ci" {  # expect: google-iam-no-user-managed-service-account-keys
        service_account_id = "projects/example/serviceAccounts/ci@example.iam.gserviceaccount.com"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_service_account_key" "uploaded" {
        service_account_id = "projects/example/serviceAccounts/ci@example.iam.gserviceaccount.com"
        public_key_data    = filebase64("ci-key.pem")
      }
    EOT
  }
}
