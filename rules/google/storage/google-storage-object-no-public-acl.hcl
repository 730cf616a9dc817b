rule "google-storage-object-no-public-acl" {
  title     = "Cloud Storage object ACL grants access to allUsers or allAuthenticatedUsers"
  severity  = "high"
  area      = "data-protection"
  resources = [
    "google_storage_object_acl",
    "google_storage_default_object_acl",
    "google_storage_object_access_control",
    "google_storage_default_object_access_control",
  ]

  description = <<-EOT
    On a bucket with fine-grained access control, an object ACL entry for `allUsers` publishes the
    object to the internet and `allAuthenticatedUsers` to anyone with a Google account; a default
    object ACL does the same for every object written to the bucket afterwards. Public objects are
    downloaded, indexed and scraped within hours of being exposed. Object ACLs are the customer's
    configuration.

    The rule checks `predefined_acl` (`publicRead`) and `role_entity` of `google_storage_object_acl`
    and `google_storage_default_object_acl`, and `entity` of the two `_access_control` resources.
    Buckets with uniform bucket-level access ignore object ACLs; `google-storage-uniform-bucket-level-access`
    asks for it.
  EOT
  remediation = "Remove the `allUsers` / `allAuthenticatedUsers` entries, grant object access through bucket IAM to named principals, and enable uniform bucket-level access."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_object_acl",
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_default_object_acl",
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_object_access_control",
    "https://cloud.google.com/storage/docs/access-control/lists",
  ]

  assert {
    attribute "predefined_acl" {
      not_one_of = ["publicRead"]
      default    = ""
    }
    attribute "entity" {
      not_one_of = ["allUsers", "allAuthenticatedUsers"]
      default    = ""
    }
    attribute "role_entity" {
      not_contains = "READER:allUsers"
      default      = []
    }
    attribute "role_entity" {
      not_contains = "OWNER:allUsers"
      default      = []
    }
    attribute "role_entity" {
      not_contains = "READER:allAuthenticatedUsers"
      default      = []
    }
    attribute "role_entity" {
      not_contains = "OWNER:allAuthenticatedUsers"
      default      = []
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_storage_object_acl" "report" {
        bucket         = "example-reports"
        object         = "2026/q3.pdf"
        predefined_acl = "publicRead"  # expect: google-storage-object-no-public-acl
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_storage_default_object_acl" "uploads" {
        bucket = "example-uploads"
        role_entity = [  # expect: google-storage-object-no-public-acl
          "OWNER:project-owners-123456789",
          "READER:allAuthenticatedUsers",
        ]
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_storage_object_access_control" "public" {
        bucket = "example-reports"
        object = "2026/q3.pdf"
        role   = "READER"
        entity = "allUsers"  # expect: google-storage-object-no-public-acl
      }

      resource "google_storage_default_object_access_control" "public" {
        bucket = "example-uploads"
        role   = "READER"
        entity = "allAuthenticatedUsers"  # expect: google-storage-object-no-public-acl
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_storage_object_acl" "report" {
        bucket         = "example-reports"
        object         = "2026/q3.pdf"
        predefined_acl = "projectPrivate"
      }

      resource "google_storage_default_object_acl" "uploads" {
        bucket      = "example-uploads"
        role_entity = ["OWNER:project-owners-123456789", "READER:group-readers@example.com"]
      }

      resource "google_storage_object_access_control" "team" {
        bucket = "example-reports"
        object = "2026/q3.pdf"
        role   = "READER"
        entity = "group-finance@example.com"
      }
    EOT
  }
}
