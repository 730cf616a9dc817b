rule "aws-s3-bucket-public-acl" {
  title     = "S3 bucket ACL grants access to everyone or to every AWS account"
  severity  = "critical"
  area      = "identity-access"
  resources = ["aws_s3_bucket", "aws_s3_bucket_acl"]
  aliases = [
    "CKV_AWS_20", "CKV_AWS_57", "CKV2_AWS_43",
    "AVD-AWS-0092", "aws-s3-no-public-access-with-acl",
  ]

  description = <<-EOT
    The canned ACLs `public-read` and `public-read-write` grant the AllUsers group (anyone on the
    internet, without signing requests) the right to list the bucket, and with
    `public-read-write` to write and overwrite objects in it. `authenticated-read` grants the same
    listing to the AuthenticatedUsers group, which means any holder of any AWS account, not only
    the accounts of your organisation. The same grants can be written out as `grant` blocks with
    the group URIs. Who may read a bucket is decided by the customer's ACLs and policies under the
    shared responsibility model; AWS only stores and serves what they allow. New buckets have ACLs
    disabled (Object Ownership `BucketOwnerEnforced`) and Block Public Access on by default since
    April 2023, so a configuration that still sets a public ACL has usually switched those
    protections off on purpose as well. The canned ACLs `private`, `aws-exec-read`,
    `bucket-owner-read`, `bucket-owner-full-control` and `log-delivery-write` are not public
    (`website` is not a canned ACL; website hosting is configured separately).
  EOT
  remediation = "Remove the public canned ACL (use `private`, or better disable ACLs with an `aws_s3_bucket_ownership_controls` rule of `BucketOwnerEnforced`) and drop grants to the AllUsers/AuthenticatedUsers groups. Serve public content through CloudFront with origin access control instead."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_acl",
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl",
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html",
  ]

  assert {
    # aws_s3_bucket.acl (deprecated) defaults to "private"; an aws_s3_bucket_acl without `acl`
    # uses access_control_policy grants instead, checked below.
    attribute "acl" {
      not_one_of = ["public-read", "public-read-write", "authenticated-read"]
      default    = "private"
    }
    # Legacy aws_s3_bucket grant blocks.
    none "grant" {
      attribute "uri" {
        matches = "acs\\.amazonaws\\.com/groups/global/(AllUsers|AuthenticatedUsers)"
      }
    }
    # aws_s3_bucket_acl explicit grants.
    none "access_control_policy.grant" {
      attribute "grantee.uri" {
        matches = "acs\\.amazonaws\\.com/groups/global/(AllUsers|AuthenticatedUsers)"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_s3_bucket" "site" {
        bucket = "example-site"
      }

      resource "aws_s3_bucket_acl" "site" {
        bucket = aws_s3_bucket.site.id
        acl    = "public-read"  # expect: aws-s3-bucket-public-acl
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      # Legacy inline ACL (deprecated since AWS provider 4.0).
      resource "aws_s3_bucket" "shared" {
        bucket = "example-shared"
        acl    = "authenticated-read"  # expect: aws-s3-bucket-public-acl
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      data "aws_canonical_user_id" "current" {}

      resource "aws_s3_bucket" "site" {
        bucket = "example-site"
      }

      resource "aws_s3_bucket_acl" "site" {
        bucket = aws_s3_bucket.site.id

        access_control_policy {
          grant {
            grantee {
              type = "Group"
              uri  = "http://acs.amazonaws.com/groups/global/AllUsers"  # expect: aws-s3-bucket-public-acl
            }
            permission = "READ"
          }

          owner {
            id = data.aws_canonical_user_id.current.id
          }
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_s3_bucket" "data" {
        bucket = "example-data"
      }

      resource "aws_s3_bucket_acl" "data" {
        bucket = aws_s3_bucket.data.id
        acl    = "private"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_s3_bucket" "logs" {
        bucket = "example-logs"
        acl    = "log-delivery-write"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_s3_bucket" "data" {
        bucket = "example-data"
      }
    EOT
  }
}
