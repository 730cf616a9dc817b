rule "aws-ec2-instance-subnet-public-ip" {
  title     = "Instance gets a public IP address from its subnet's default"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["aws_instance"]

  description = <<-EOT
    An instance that does not set `associate_public_ip_address` takes its subnet's default: in a
    subnet with `map_public_ip_on_launch = true` it receives a public IPv4 address and is reachable
    from the internet, guarded only by its security groups, although nothing in the instance's own
    block says so. aws-ec2-public-ip-address flags the instances that ask for an address; this
    rule follows `subnet_id` to the `aws_subnet` it refers to and flags the instances that get one
    silently. Which instances are addressable from the internet is the customer's network
    configuration under the shared responsibility model. Instances placed with a
    `network_interface` block, or in a subnet the configuration does not manage, are not decided.
  EOT
  remediation = "Set `associate_public_ip_address = false` on the instance, or launch it in a private subnet (`map_public_ip_on_launch = false`) and publish services through a load balancer."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance#associate_public_ip_address",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/subnet#map_public_ip_on_launch",
    "https://docs.aws.amazon.com/vpc/latest/userguide/modify-subnets.html",
  ]

  when {
    attribute "associate_public_ip_address" {
      present = false
    }
    attribute "network_interface" {
      present = false
    }
    attribute "subnet_id" {
      present = true
    }
  }

  assert {
    target "subnet_id" {
      type = "aws_subnet"
      attribute "map_public_ip_on_launch" {
        equals  = false
        default = false
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_subnet" "public" {
        vpc_id                  = "vpc-0123456789abcdef0"
        cidr_block              = "10.0.1.0/24"
        map_public_ip_on_launch = true
      }

      resource "aws_instance" "web" {
        ami           = "ami-0123456789abcdef0"
        instance_type = "t3.micro"
        subnet_id     = aws_subnet.public.id  # expect: aws-ec2-instance-subnet-public-ip aws_instance.web
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_subnet" "private" {
        vpc_id     = "vpc-0123456789abcdef0"
        cidr_block = "10.0.2.0/24"
      }

      resource "aws_instance" "app" {
        ami           = "ami-0123456789abcdef0"
        instance_type = "t3.micro"
        subnet_id     = aws_subnet.private.id
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_subnet" "public" {
        vpc_id                  = "vpc-0123456789abcdef0"
        cidr_block              = "10.0.1.0/24"
        map_public_ip_on_launch = true
      }

      resource "aws_instance" "bastion_off" {
        ami                         = "ami-0123456789abcdef0"
        instance_type               = "t3.micro"
        subnet_id                   = aws_subnet.public.id
        associate_public_ip_address = false
      }
    EOT
  }
}
