rule "google-storage-bucket-no-public-access" {
  title     = "Cloud Storage bucket is granted to allUsers or allAuthenticatedUsers"
  severity  = "high"
  area      = "identity-access"
  compliance = {
    "cis-gcp-2.0" = ["5.1"]
  }
  resources = [
    "google_storage_bucket_iam_member",
    "google_storage_bucket_iam_binding",
    "google_storage_bucket_iam_policy",
    "google_storage_bucket_access_control",
    "google_storage_bucket_acl",
  ]
  aliases = ["CKV_GCP_28", "AVD-GCP-0001", "google-storage-no-public-access"]

  description = <<-EOT
    `allUsers` is anyone on the internet and `allAuthenticatedUsers` is anyone with any Google
    account, which is effectively the same. Granting either a role on a bucket (through IAM or through
    a legacy ACL) publishes its contents, or worse lets strangers write to it. Public buckets are among
    the most common causes of cloud data leaks. Google enforces the grants exactly as the customer
    writes them.

    The rule checks `member` / `members` of the bucket IAM member and binding resources, the `entity`
    of `google_storage_bucket_access_control`, and the `role_entity` list and public
    `predefined_acl` values (`publicRead`, `publicReadWrite`) of `google_storage_bucket_acl`, and
    the `policy_data` JSON of `google_storage_bucket_iam_policy` when it is known at scan time.
  EOT
  remediation = "Remove the grant to `allUsers` / `allAuthenticatedUsers`; grant named users, groups or service accounts instead, and serve public content through a load balancer or signed URLs."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket_iam",
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket_access_control",
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket_acl",
    "https://cloud.google.com/storage/docs/public-access-prevention",
  ]

  assert {
    attribute "policy_data" {
      not_matches = "\"(allUsers|allAuthenticatedUsers)\""
      default     = ""
    }
    any {
      attribute "member" {
        present = false
      }
      attribute "member" {
        not_one_of = ["allUsers", "allAuthenticatedUsers"]
      }
    }
    any {
      attribute "members" {
        present = false
      }
      all {
        attribute "members" {
          not_contains = "allUsers"
        }
        attribute "members" {
          not_contains = "allAuthenticatedUsers"
        }
      }
    }
    any {
      attribute "entity" {
        present = false
      }
      attribute "entity" {
        not_one_of = ["allUsers", "allAuthenticatedUsers"]
      }
    }
    any {
      attribute "role_entity" {
        present = false
      }
      all {
        attribute "role_entity" {
          not_contains = "READER:allUsers"
        }
        attribute "role_entity" {
          not_contains = "WRITER:allUsers"
        }
        attribute "role_entity" {
          not_contains = "OWNER:allUsers"
        }
        attribute "role_entity" {
          not_contains = "READER:allAuthenticatedUsers"
        }
        attribute "role_entity" {
          not_contains = "WRITER:allAuthenticatedUsers"
        }
        attribute "role_entity" {
          not_contains = "OWNER:allAuthenticatedUsers"
        }
      }
    }
    any {
      attribute "predefined_acl" {
        present = false
      }
      attribute "predefined_acl" {
        not_one_of = ["publicRead", "publicReadWrite"]
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_storage_bucket_iam_member" "public" {
        bucket = "example-reports"
        role   = "roles/storage.objectViewer"
        member = "allUsers"  # expect: google-storage-bucket-no-public-access
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_storage_bucket_iam_binding" "viewers" {
        bucket  = "example-reports"
        role    = "roles/storage.objectViewer"
        members = ["group:analysts@example.com", "allAuthenticatedUsers"]  # expect: google-storage-bucket-no-public-access
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_storage_bucket_acl" "legacy" {
        bucket      = "example-reports"
        role_entity = ["OWNER:user-admin@example.com", "READER:allUsers"]  # expect: google-storage-bucket-no-public-access
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_storage_bucket_iam_policy" "site" {
        bucket = "example-site"
        policy_data = jsonencode({  # expect: google-storage-bucket-no-public-access
          bindings = [{
            role    = "roles/storage.objectViewer"
            members = ["allUsers"]
          }]
        })
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_storage_bucket_iam_binding" "viewers" {
        bucket  = "example-reports"
        role    = "roles/storage.objectViewer"
        members = ["group:analysts@example.com"]
      }

      resource "google_storage_bucket_access_control" "team" {
        bucket = "example-reports"
        role   = "READER"
        entity = "group-analysts@example.com"
      }
    EOT
  }
}
