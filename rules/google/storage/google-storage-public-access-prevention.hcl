rule "google-storage-public-access-prevention" {
  title     = "Cloud Storage bucket does not enforce public access prevention"
  severity  = "medium"
  area      = "data-protection"
  resources = ["google_storage_bucket"]
  aliases   = ["CKV_GCP_114"]

  description = <<-EOT
    Public access prevention blocks every grant to `allUsers` and `allAuthenticatedUsers` on the
    bucket and its objects, whether it comes from IAM, an object ACL or a later change in the console.
    It turns "this bucket must never be public" into a guarantee instead of a convention. With the
    default `inherited`, the bucket is protected only if an organization policy
    (`storage.publicAccessPrevention`) happens to apply. Choosing it is the customer's part.

    `public_access_prevention` accepts `inherited` (the default) or `enforced`; the rule asks for
    `enforced`. Buckets that deliberately serve public content should suppress this rule.
  EOT
  remediation = "Set `public_access_prevention = \"enforced\"` on the bucket (or enforce the `storage.publicAccessPrevention` organization policy and suppress this rule)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket#public_access_prevention",
    "https://cloud.google.com/storage/docs/public-access-prevention",
  ]

  assert {
    attribute "public_access_prevention" {
      equals  = "enforced"
      default = "inherited"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_storage_bucket" "exports" {  # expect: google-storage-public-access-prevention
        name                        = "example-exports"
        location                    = "EU"
        uniform_bucket_level_access = true
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_storage_bucket" "exports" {
        name                        = "example-exports"
        location                    = "EU"
        uniform_bucket_level_access = true
        public_access_prevention    = "enforced"
      }
    EOT
  }
}
