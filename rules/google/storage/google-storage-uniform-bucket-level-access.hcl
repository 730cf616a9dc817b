rule "google-storage-uniform-bucket-level-access" {
  title     = "Cloud Storage bucket does not use uniform bucket-level access"
  severity  = "medium"
  area      = "identity-access"
  compliance = {
    "cis-gcp-2.0" = ["5.2"]
  }
  resources = ["google_storage_bucket"]
  aliases   = ["CKV_GCP_29", "AVD-GCP-0002", "google-storage-enable-ubla"]

  description = <<-EOT
    Without uniform bucket-level access, every object can carry its own ACL in addition to the
    bucket's IAM policy. Access is then decided object by object, so a single object ACL granting
    `allUsers` read access leaks data even when the bucket policy looks private, and reviewing who can
    read the bucket means inspecting every object. Uniform access disables ACLs so that IAM alone
    decides. Google enforces whichever model the customer picks.

    `uniform_bucket_level_access` defaults to `false`. Its predecessor `bucket_policy_only`
    (google provider v3 and earlier, removed in v4) is accepted as well.
  EOT
  remediation = "Set `uniform_bucket_level_access = true` on the bucket and move any object ACL grants into IAM bindings."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket#uniform_bucket_level_access",
    "https://cloud.google.com/storage/docs/uniform-bucket-level-access",
  ]

  assert {
    any {
      attribute "uniform_bucket_level_access" {
        equals = true
      }
      # google provider v3 and earlier
      attribute "bucket_policy_only" {
        equals = true
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_storage_bucket" "reports" {  # expect: google-storage-uniform-bucket-level-access
        name     = "example-reports"
        location = "EU"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_storage_bucket" "reports" {
        name                        = "example-reports"
        location                    = "EU"
        uniform_bucket_level_access = true
      }
    EOT
  }
}
