rule "aws-cloudfront-minimum-tls" {
  title     = "CloudFront distribution with a custom certificate allows TLS versions older than 1.2"
  severity  = "medium"
  area      = "data-protection"
  resources = ["aws_cloudfront_distribution"]
  aliases   = ["CKV_AWS_174", "AVD-AWS-0013", "aws-cloudfront-use-secure-tls-policy"]

  description = <<-EOT
    The viewer security policy (`viewer_certificate.minimum_protocol_version`) sets the oldest
    protocol and the ciphers CloudFront accepts from browsers. It defaults to `TLSv1`, which
    still allows TLS 1.0 and weak ciphers that are deprecated (RFC 8996) and rejected by PCI DSS.
    Choosing the policy is the customer's configuration under the shared responsibility model.
    The policy can only be chosen with a custom certificate (`acm_certificate_arn` or
    `iam_certificate_id`); distributions on the default `*.cloudfront.net` certificate always use
    TLSv1 and are not checked here.
  EOT
  remediation = "Set `viewer_certificate { minimum_protocol_version = \"TLSv1.2_2021\" }` (or a newer policy such as `TLSv1.2_2025` or `TLSv1.3_2025`) with `ssl_support_method = \"sni-only\"`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_distribution#viewer-certificate-arguments",
    "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html",
  ]

  when {
    not {
      attribute "viewer_certificate.cloudfront_default_certificate" {
        equals = true
      }
    }
  }

  assert {
    attribute "viewer_certificate.minimum_protocol_version" {
      matches = "^TLSv1\\.[23]_"
      default = "TLSv1"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_cloudfront_distribution" "site" {
        enabled = true
        aliases = ["www.example.com"]

        origin {
          domain_name = "origin.example.com"
          origin_id   = "web"

          custom_origin_config {
            http_port              = 80
            https_port             = 443
            origin_protocol_policy = "https-only"
            origin_ssl_protocols   = ["TLSv1.2"]
          }
        }

        default_cache_behavior {
          target_origin_id       = "web"
          allowed_methods        = ["GET", "HEAD"]
          cached_methods         = ["GET", "HEAD"]
          viewer_protocol_policy = "redirect-to-https"
          cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
        }

        restrictions {
          geo_restriction {
            restriction_type = "none"
          }
        }

        viewer_certificate {
          acm_certificate_arn      = "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"
          ssl_support_method       = "sni-only"
          minimum_protocol_version = "TLSv1_2016"  # expect: aws-cloudfront-minimum-tls
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_cloudfront_distribution" "site" {
        enabled = true
        aliases = ["www.example.com"]

        origin {
          domain_name = "origin.example.com"
          origin_id   = "web"

          custom_origin_config {
            http_port              = 80
            https_port             = 443
            origin_protocol_policy = "https-only"
            origin_ssl_protocols   = ["TLSv1.2"]
          }
        }

        default_cache_behavior {
          target_origin_id       = "web"
          allowed_methods        = ["GET", "HEAD"]
          cached_methods         = ["GET", "HEAD"]
          viewer_protocol_policy = "redirect-to-https"
          cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
        }

        restrictions {
          geo_restriction {
            restriction_type = "none"
          }
        }

        viewer_certificate {
          acm_certificate_arn      = "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"
          ssl_support_method       = "sni-only"
          minimum_protocol_version = "TLSv1.2_2021"
        }
      }
    EOT
  }
}
