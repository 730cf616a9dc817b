rule "aws-cloudtrail-bucket-public-acl" {
  title     = "S3 bucket receiving CloudTrail logs has a public ACL"
  severity  = "critical"
  area      = "data-protection"
  resources = ["aws_s3_bucket"]
  aliases   = ["AVD-AWS-0161", "aws-cloudtrail-no-public-log-access"]
  compliance = {
    "cis-aws-1.2" = ["2.3"]
    "cis-aws-1.4" = ["3.3"]
  }

  description = <<-EOT
    CloudTrail log files list every API call of the account: who called what, from which IP
    address, with which parameters, including resource names, user names and role ARNs an
    attacker uses to plan the next step. A canned ACL of `public-read`, `public-read-write` or
    `authenticated-read` on the bucket a trail delivers to lets anyone (or any AWS user) list and
    read them; `public-read-write` also lets them be overwritten. Critical: direct public exposure
    of the audit record. This rule applies to the buckets an `aws_cloudtrail` names in
    `s3_bucket_name` (by reference or by the bucket's name), and reads the inline `acl` (provider
    versions before 4.0) and `aws_s3_bucket_acl` resources. Bucket access is the customer's side
    of the shared responsibility model.
  EOT
  remediation = <<-EOT
    Keep the trail bucket private, disable ACLs and block public access:

        resource "aws_s3_bucket_ownership_controls" "trail" {
          bucket = aws_s3_bucket.trail.id
          rule {
            object_ownership = "BucketOwnerEnforced"
          }
        }

        resource "aws_s3_bucket_public_access_block" "trail" {
          bucket                  = aws_s3_bucket.trail.id
          block_public_acls       = true
          block_public_policy     = true
          ignore_public_acls      = true
          restrict_public_buckets = true
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail",
    "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html",
  ]

  when {
    linked "aws_cloudtrail" {
      via   = "s3_bucket_name"
      match = "bucket"
    }
  }

  assert {
    attribute "acl" {
      not_one_of = ["public-read", "public-read-write", "authenticated-read"]
      default    = "private"
    }
    not {
      linked "aws_s3_bucket_acl" {
        via   = "bucket"
        match = "bucket"
        attribute "acl" {
          one_of = ["public-read", "public-read-write", "authenticated-read"]
        }
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_s3_bucket" "trail" {
        bucket = "org-trail-logs"
        acl    = "public-read"  # expect: aws-cloudtrail-bucket-public-acl
      }

      resource "aws_cloudtrail" "main" {
        name           = "main"
        s3_bucket_name = aws_s3_bucket.trail.id
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_s3_bucket" "trail" {  # expect: aws-cloudtrail-bucket-public-acl
        bucket = "org-trail-logs"
      }

      resource "aws_s3_bucket_acl" "trail" {
        bucket = aws_s3_bucket.trail.id
        acl    = "authenticated-read"
      }

      resource "aws_cloudtrail" "main" {
        name           = "main"
        s3_bucket_name = "org-trail-logs"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_s3_bucket" "trail" {
        bucket = "org-trail-logs"
      }

      resource "aws_s3_bucket_acl" "trail" {
        bucket = aws_s3_bucket.trail.id
        acl    = "private"
      }

      resource "aws_cloudtrail" "main" {
        name           = "main"
        s3_bucket_name = aws_s3_bucket.trail.id
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_s3_bucket" "site" {
        bucket = "public-site"
        acl    = "public-read"
      }
    EOT
  }
}
