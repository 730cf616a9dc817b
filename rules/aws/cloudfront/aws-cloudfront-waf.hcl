rule "aws-cloudfront-waf" {
  title     = "CloudFront distribution has no WAF web ACL"
  severity  = "medium"
  area      = "application-workload"
  resources = ["aws_cloudfront_distribution"]
  aliases   = ["CKV_AWS_68", "AVD-AWS-0011", "aws-cloudfront-enable-waf"]

  description = <<-EOT
    A distribution without a web ACL passes every request to the origin: injection payloads,
    exploit attempts against known CVEs, bad bots and application-layer floods. AWS WAF attached
    through `web_acl_id` filters them at the edge. Deploying and tuning the web ACL is the
    customer's application layer under the shared responsibility model. Medium: a protective layer
    in front of the application rather than an exposure. (Peers rate this high; onus rates missing
    defence in depth medium.)
  EOT
  remediation = "Create a global (`scope = \"CLOUDFRONT\"`, in us-east-1) `aws_wafv2_web_acl` and set `web_acl_id = aws_wafv2_web_acl.NAME.arn` on the distribution."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_distribution#web_acl_id",
    "https://docs.aws.amazon.com/waf/latest/developerguide/cloudfront-features.html",
  ]

  assert {
    attribute "web_acl_id" {
      present = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_cloudfront_distribution" "site" {  # expect: aws-cloudfront-waf
        enabled = true

        origin {
          domain_name = "site.s3.eu-west-1.amazonaws.com"
          origin_id   = "site"
        }

        default_cache_behavior {
          target_origin_id       = "site"
          viewer_protocol_policy = "redirect-to-https"
          allowed_methods        = ["GET", "HEAD"]
          cached_methods         = ["GET", "HEAD"]
          cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
        }

        restrictions {
          geo_restriction {
            restriction_type = "none"
          }
        }

        viewer_certificate {
          cloudfront_default_certificate = true
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_cloudfront_distribution" "site" {
        enabled = true

        origin {
          domain_name = "site.s3.eu-west-1.amazonaws.com"
          origin_id   = "site"
        }

        web_acl_id = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/site/00000000-0000-0000-0000-000000000000"

        default_cache_behavior {
          target_origin_id       = "site"
          viewer_protocol_policy = "redirect-to-https"
          allowed_methods        = ["GET", "HEAD"]
          cached_methods         = ["GET", "HEAD"]
          cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
        }

        restrictions {
          geo_restriction {
            restriction_type = "none"
          }
        }

        viewer_certificate {
          cloudfront_default_certificate = true
        }
      }
    EOT
  }
}
