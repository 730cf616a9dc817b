rule "google-storage-bucket-versioning" {
  title     = "Cloud Storage bucket does not keep object versions"
  severity  = "medium"
  area      = "data-protection"
  resources = [
    "google_storage_bucket",
  ]
  aliases   = ["CKV_GCP_78", "AVD-GCP-0078", "google-storage-enable-bucket-versioning"]

  description = <<-EOT
    Without versioning, an overwritten or deleted object is gone: a mistaken script, a compromised
     credential or ransomware that rewrites objects destroys the data for good. Object versions (with
     a lifecycle rule to expire old ones) make such changes recoverable. Keeping them is the
     customer's data-protection choice; severity is medium.

     `versioning.enabled` defaults to `false`. A bucket protected by a locked retention policy instead
     still needs versioning to recover overwrites, so it is reported too.
  EOT
  remediation = "Add `versioning { enabled = true }` and a lifecycle rule that deletes noncurrent versions after the recovery window."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket#versioning",
    "https://cloud.google.com/storage/docs/object-versioning",
  ]

  assert {
    attribute "versioning.enabled" {
      equals = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_storage_bucket" "reports" {  # expect: google-storage-bucket-versioning
        name                        = "example-reports"
        location                    = "EU"
        uniform_bucket_level_access = true

      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_storage_bucket" "reports" {
        name                        = "example-reports"
        location                    = "EU"
        uniform_bucket_level_access = true

        versioning {
          enabled = false  # expect: google-storage-bucket-versioning
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_storage_bucket" "reports" {
        name                        = "example-reports"
        location                    = "EU"
        uniform_bucket_level_access = true

        versioning {
          enabled = true
        }
      }
    EOT
  }
}
